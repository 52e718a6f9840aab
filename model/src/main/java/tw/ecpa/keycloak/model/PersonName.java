package tw.ecpa.keycloak.model;

import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.PersonalName;

/**
 * A person's name as the portal writes it everywhere ({@link PersonalName}: 林建宏, Mary Chen): the page
 * header, the personnel console and the ID token's {@code name} claim.
 */
public final class PersonName {

    private PersonName() {
    }

    /** The name on record; empty when the record holds neither part (the token then carries no name). */
    public static String written(UserModel user) {
        return user == null ? "" : PersonalName.written(user.getLastName(), user.getFirstName());
    }

    /** The name to show someone: the account when the record has no name, so a list never shows a blank. */
    public static String shown(UserModel user) {
        if (user == null) {
            return "";
        }
        String name = written(user);
        return name.isBlank() ? user.getUsername() : name;
    }
}

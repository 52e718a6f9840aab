package tw.ecpa.keycloak.personnel;

import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.PersonalName;

/** A person's name as the portal writes it ({@link PersonalName}), or their account when the record has none. */
final class PersonName {

    private PersonName() {
    }

    static String of(UserModel user) {
        if (user == null) {
            return "";
        }
        String name = PersonalName.written(user.getLastName(), user.getFirstName());
        return name.isBlank() ? user.getUsername() : name;
    }
}

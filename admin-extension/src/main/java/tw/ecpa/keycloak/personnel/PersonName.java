package tw.ecpa.keycloak.personnel;

import org.keycloak.models.UserModel;

/** A name as the portal writes it: family name first, no space (王小美), as in the personnel records. */
final class PersonName {

    private PersonName() {
    }

    static String of(UserModel user) {
        if (user == null) {
            return "";
        }
        String last = user.getLastName() == null ? "" : user.getLastName();
        String first = user.getFirstName() == null ? "" : user.getFirstName();
        boolean latin = (last + first).chars().allMatch(c -> c < 0x2E80);
        String name = latin && !last.isEmpty() && !first.isEmpty() ? first + " " + last : last + first;
        return name.isBlank() ? user.getUsername() : name;
    }
}

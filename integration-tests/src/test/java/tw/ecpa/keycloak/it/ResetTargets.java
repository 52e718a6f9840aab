package tw.ecpa.keycloak.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * People whose password a test resets, made in a chosen agency and removed afterwards, so that no test
 * touches the demo personnel that other tests log in as. Each has a custom account and an e-mail, so
 * that a login after the reset goes straight to the birthday step.
 */
final class ResetTargets implements AutoCloseable {

    private final RealmResource realm;
    private final List<String> created = new ArrayList<>();

    ResetTargets(RealmResource realm) {
        this.realm = realm;
    }

    record Target(String id, String nationalId, String account, String email, UserResource admin) {

        UserRepresentation representation() {
            return admin.toRepresentation();
        }

        String givePassword() {
            String password = "It-" + TestPeople.freshAccount("") + "!7a";
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(false);
            admin.resetPassword(credential);
            return password;
        }

        Long passwordCreatedDate() {
            return admin.credentials().stream().filter(c -> CredentialRepresentation.PASSWORD.equals(c.getType()))
                    .map(CredentialRepresentation::getCreatedDate).findFirst().orElse(null);
        }
    }

    Target serving(String agencyCode) {
        return create(agencyCode, "serving", "zh-Hant");
    }

    Target servingInEnglish(String agencyCode) {
        return create(agencyCode, "serving", "en");
    }

    Target departed(String agencyCode) {
        return create(agencyCode, "departed", "zh-Hant");
    }

    /** A serving person who holds a realm role of the personnel office, e.g. a chief of a sub-agency. */
    Target withRole(String agencyCode, String role) {
        Target target = create(agencyCode, "serving", "zh-Hant");
        target.admin().roles().realmLevel().add(List.of(realm.roles().get(role).toRepresentation()));
        return target;
    }

    private Target create(String agencyCode, String status, String locale) {
        String nationalId = TestPeople.newNationalId();
        String account = TestPeople.freshAccount("it.reset.");
        String email = account + "@it.ecpa.test";
        UserRepresentation user = new UserRepresentation();
        user.setUsername(account);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setFirstName("重設");
        user.setLastName("測");
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put("nationalId", List.of(nationalId));
        attributes.put("employmentStatus", List.of(status));
        attributes.put("agencyCode", List.of(agencyCode));
        attributes.put("birthDate", List.of(TestPeople.BIRTH_DATE));
        attributes.put("locale", List.of(locale));
        user.setAttributes(attributes);
        try (Response response = realm.users().create(user)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("could not create a reset target: " + response.getStatus() + " " + response.readEntity(String.class));
            }
            String path = response.getLocation().getPath();
            String id = path.substring(path.lastIndexOf('/') + 1);
            created.add(id);
            return new Target(id, nationalId, account, email, realm.users().get(id));
        }
    }

    @Override
    public void close() {
        for (String id : created) {
            realm.attackDetection().clearBruteForceForUser(id);
            realm.users().delete(id).close();
        }
        created.clear();
    }
}

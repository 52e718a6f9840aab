package tw.ecpa.keycloak.it;

import java.util.List;
import java.util.Map;

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
    private final TestPeople people;

    ResetTargets(RealmResource realm) {
        this.realm = realm;
        this.people = new TestPeople(realm);
    }

    record Target(String id, String nationalId, String account, String email, UserResource admin) {

        UserRepresentation representation() {
            return admin.toRepresentation();
        }

        String givePassword() {
            String password = "It-" + TestPeople.freshAccount("") + "!7a";
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(RunSecrets.password(password));
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
        String account = TestPeople.freshAccount("it.reset.");
        UserRepresentation user = new UserRepresentation();
        user.setUsername(account);
        user.setEmail(account + "@it.ecpa.test");
        user.setEmailVerified(true);
        user.setFirstName("重設");
        user.setLastName("測");
        user.setAttributes(Map.of("locale", List.of(locale)));
        TestPeople.Person person = people.create(user, status, agencyCode);
        return new Target(person.id(), person.nationalId(), account, user.getEmail(), person.admin());
    }

    @Override
    public void close() {
        people.close();
    }
}

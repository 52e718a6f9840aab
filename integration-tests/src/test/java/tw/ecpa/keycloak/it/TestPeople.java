package tw.ecpa.keycloak.it;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import tw.ecpa.keycloak.core.NationalId;

/**
 * People made for one test and removed after it, so that tests never share a user and may run in
 * any order: each gets a fresh national ID and the placeholder username of someone who has not
 * chosen a custom account yet, as the personnel import creates them.
 */
final class TestPeople implements AutoCloseable {

    /** 12 May 1980: 民國 069 年 05 月 12 日. */
    static final String BIRTH_DATE = "1980-05-12";
    static final String BIRTHDAY_ROC = "0690512";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RealmResource realm;
    private final List<String> created = new ArrayList<>();

    TestPeople(RealmResource realm) {
        this.realm = realm;
    }

    /** One person of the test: their admin handle, national ID and username. */
    record Person(String id, String nationalId, UserResource admin) {

        String username() {
            return admin.toRepresentation().getUsername();
        }

        /** Sets a password as an administrator would, non-temporary, and returns it. */
        String givePassword(String password) {
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(RunSecrets.password(password));
            credential.setTemporary(false);
            admin.resetPassword(credential);
            return password;
        }

        /** What the reset issue will do: a password plus the mark that asks for the birthday first. */
        String resetByOfficer(String password) {
            givePassword(password);
            UserRepresentation rep = admin.toRepresentation();
            List<String> actions = new ArrayList<>(rep.getRequiredActions());
            actions.add("ecpa-birthday-password");
            rep.setRequiredActions(actions);
            admin.update(rep);
            return password;
        }

        /** When the stored password was set: it changes only if the password is saved. */
        Long passwordCreatedDate() {
            return admin.credentials().stream().filter(c -> CredentialRepresentation.PASSWORD.equals(c.getType()))
                    .map(CredentialRepresentation::getCreatedDate).findFirst().orElse(null);
        }
    }

    /** A serving person without a custom account and without e-mail. */
    Person newcomer() {
        return create(placeholder(), null, "serving");
    }

    /** A serving person who already has the given custom account and an e-mail address. */
    Person withAccount(String account) {
        return create(account, account + "@it.ecpa.test", "serving");
    }

    Person departed(String account) {
        return create(account, account + "@it.ecpa.test", "departed");
    }

    private Person create(String username, String email, String status) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setFirstName("測試");
        user.setLastName("整合");
        return create(user, status, "X10000000A");
    }

    /**
     * Creates the person {@code user} describes, with a fresh national ID, the given status and agency
     * and the test birthday; attributes already on {@code user} (a locale, say) are kept.
     */
    Person create(UserRepresentation user, String status, String agencyCode) {
        String nationalId = newNationalId();
        user.setEnabled(true);
        Map<String, List<String>> attributes = new HashMap<>(user.getAttributes() == null ? Map.of() : user.getAttributes());
        attributes.put("nationalId", List.of(nationalId));
        attributes.put("employmentStatus", List.of(status));
        attributes.put("agencyCode", List.of(agencyCode));
        attributes.put("birthDate", List.of(BIRTH_DATE));
        user.setAttributes(attributes);
        try (Response response = realm.users().create(user)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("could not create a test person: " + response.getStatus() + " " + response.readEntity(String.class));
            }
            String path = response.getLocation().getPath();
            String id = path.substring(path.lastIndexOf('/') + 1);
            created.add(id);
            return new Person(id, nationalId, realm.users().get(id));
        }
    }

    /** A person the test made some other way (an import), removed after the test like the others. */
    Person adopt(String id, String nationalId) {
        created.add(id);
        return new Person(id, RunSecrets.nationalId(nationalId), realm.users().get(id));
    }

    /** A custom account nobody has: lower-case letters after a fixed prefix. */
    static String freshAccount(String prefix) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < 8; i++) {
            out.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return out.toString();
    }

    static String placeholder() {
        StringBuilder out = new StringBuilder("ecpa-");
        for (int i = 0; i < 16; i++) {
            out.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return out.toString();
    }

    /** A citizen number of area A (value 10) with a correct check digit, invented for the test. */
    static String newNationalId() {
        while (true) {
            int[] digits = new int[8];
            digits[0] = 1 + RANDOM.nextInt(2);
            for (int i = 1; i < 8; i++) {
                digits[i] = RANDOM.nextInt(10);
            }
            int sum = 1; // the letter A counts 10: 1 + 0 × 9
            StringBuilder id = new StringBuilder("A");
            for (int i = 0; i < 8; i++) {
                sum += digits[i] * (8 - i);
                id.append(digits[i]);
            }
            id.append((10 - sum % 10) % 10);
            if (NationalId.isValid(id.toString())) {
                return RunSecrets.nationalId(id.toString());
            }
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

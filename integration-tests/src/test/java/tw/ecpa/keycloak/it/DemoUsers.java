package tw.ecpa.keycloak.it;

import java.security.SecureRandom;

import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;

/** Test-side arrangements on demo users, done the way an administrator would. */
final class DemoUsers {

    /** 林怡君, serving, with the custom account {@code yijun.lin} already set up. */
    static final String SET_UP_NATIONAL_ID = "A234567893";
    static final String SET_UP_ACCOUNT = "yijun.lin";

    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoUsers() {
    }

    /** Gives the user a fresh, non-temporary password under the realm's policy and returns it. */
    static String givePassword(UserResource user) {
        String password = "It-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36) + "!7a";
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(RunSecrets.password(password));
        credential.setTemporary(false);
        user.resetPassword(credential);
        return password;
    }
}

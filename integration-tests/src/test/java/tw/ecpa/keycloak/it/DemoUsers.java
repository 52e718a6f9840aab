package tw.ecpa.keycloak.it;

import java.security.SecureRandom;

import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Test-side arrangements on demo users, done the way an administrator would. */
final class DemoUsers {

    /** 林怡君, serving, with the custom account {@code yijun.lin} already set up. */
    static final String SET_UP_NATIONAL_ID = "A234567893";
    static final String SET_UP_ACCOUNT = "yijun.lin";

    static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";

    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoUsers() {
    }

    /**
     * Undoes what a test's card logins left on a demo user: the bound cards, the password and the password
     * page a first card login asks for ({@code UPDATE_PASSWORD}), and the sessions, so that the next test
     * meets the person as the demo data has them: no card bound, no password yet.
     */
    static void forgetCardLogins(UserResource user) {
        user.credentials().stream()
                .filter(c -> "ecpa-certificate".equals(c.getType()) || CredentialRepresentation.PASSWORD.equals(c.getType()))
                .forEach(c -> user.removeCredential(c.getId()));
        UserRepresentation rep = user.toRepresentation();
        if (rep.getRequiredActions() != null && rep.getRequiredActions().contains(UPDATE_PASSWORD)) {
            rep.setRequiredActions(rep.getRequiredActions().stream().filter(a -> !UPDATE_PASSWORD.equals(a)).toList());
            user.update(rep);
        }
        user.logout();
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

package tw.ecpa.keycloak.personnel;

import java.util.Optional;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.PasswordCredentialProvider;
import org.keycloak.credential.PasswordCredentialProviderFactory;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.AuthenticationManager;

import tw.ecpa.keycloak.model.Agencies;
import tw.ecpa.keycloak.model.EcpaMetrics;

/**
 * The reset itself, after the officer's 確定: e-mail address, generated password, the first-login mark,
 * then the letter and, when the address changed, the notice to the old address. Everything happens in
 * the request's transaction and the mails go last: when the mail server refuses either, the transaction
 * is rolled back, so the old password, the old address and the old required actions all stay, and no
 * event is recorded. (A letter already taken by the server then holds a password that never worked;
 * the officer is told the reset failed and does it again.) Each reset done is counted by method, each
 * refused letter by letter ({@link EcpaMetrics}).
 */
final class PasswordReset {

    /**
     * The first-login step after a reset (birthday, then a new password under the realm's policy),
     * {@code tw.ecpa.keycloak.requiredactions.birthday.BirthdayPasswordActionFactory.PROVIDER_ID}. Named
     * here rather than imported so this module depends on core only.
     */
    static final String BIRTHDAY_PASSWORD_ACTION = "ecpa-birthday-password";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Agencies agencies;

    private final EcpaMetrics metrics;

    PasswordReset(KeycloakSession session, RealmModel realm, Agencies agencies, EcpaMetrics metrics) {
        this.session = session;
        this.realm = realm;
        this.agencies = agencies;
        this.metrics = metrics;
    }

    /** Returns the address the reset replaced ({@code ""} when there was none), or empty when the address stayed. */
    Optional<String> perform(UserModel person, String email, Caller caller, int passwordLength) {
        String previousEmail = person.getEmail();
        boolean emailChanged = !email.equalsIgnoreCase(previousEmail);
        if (emailChanged) {
            person.setEmail(email);
            person.setEmailVerified(false);
        }
        GeneratedPassword password = GeneratedPassword.ofLength(passwordLength);
        storeHashed(person, password);
        person.addRequiredAction(BIRTHDAY_PASSWORD_ACTION);
        writeNow();
        mail(EcpaMetrics.Letter.PASSWORD_RESET, () -> new ResetLetter(session, realm).send(person, caller, password, agencies));
        if (emailChanged && previousEmail != null && !previousEmail.isBlank()) {
            // No reset moves the letter to another mailbox unnoticed: without the notice, nothing happens.
            mail(EcpaMetrics.Letter.EMAIL_CHANGED, () -> new EmailChangeNotice(session, realm).send(person, previousEmail, caller, agencies));
        }
        endSessions(person);
        caller.method().ifPresent(method -> metrics.passwordReset(method.code()));
        return emailChanged ? Optional.of(previousEmail == null ? "" : previousEmail) : Optional.empty();
    }

    /**
     * Writes the new password, address and required action to the database now, inside the transaction:
     * a database that fails (an outage) fails here, before any letter holds a password that would never
     * work. What is left is a commit that fails after the letters, a moment rather than the whole request.
     */
    private void writeNow() {
        JpaConnectionProvider jpa = session.getProvider(JpaConnectionProvider.class);
        if (jpa != null) {
            jpa.getEntityManager().flush();
        }
    }

    /** One letter; a mail server that refuses it is counted under the letter and undoes the whole reset. */
    private void mail(EcpaMetrics.Letter letter, Mailing mailing) {
        try {
            mailing.send();
        } catch (EmailException e) {
            metrics.mailFailed(letter);
            session.getTransactionManager().setRollbackOnly();
            throw PersonnelProblem.MAIL_FAILED.exception();
        }
    }

    @FunctionalInterface
    private interface Mailing {
        void send() throws EmailException;
    }

    /**
     * A reset means the account may be in the wrong hands: whoever is signed in as the person now, on any
     * device, is signed out, and every token issued before now (refresh and offline tokens included) stops
     * working, as Keycloak's own "sign out" of a user in the admin console does.
     */
    private void endSessions(UserModel person) {
        session.users().setNotBeforeForUser(realm, person, Time.currentTime());
        session.sessions().getUserSessionsStream(realm, person).toList()
                .forEach(userSession -> AuthenticationManager.backchannelLogout(session, realm, userSession,
                        session.getContext().getUri(), session.getContext().getConnection(),
                        session.getContext().getRequestHeaders(), true));
    }

    /**
     * Stores the hash the way Keycloak's password provider does, keeping the password history, but
     * without the realm's password policy: the generated password is the guide's letters and digits
     * (K5L6H5W8, no special character) and only opens the birthday step, where the person must choose
     * a password the policy accepts.
     */
    private void storeHashed(UserModel person, GeneratedPassword password) {
        PasswordPolicy policy = realm.getPasswordPolicy();
        PasswordHashProvider hash = policy.getHashAlgorithm() == null ? null
                : session.getProvider(PasswordHashProvider.class, policy.getHashAlgorithm());
        if (hash == null) {
            hash = session.getProvider(PasswordHashProvider.class);
        }
        PasswordCredentialModel credential = hash.encodedCredential(password.reveal(), policy.getHashIterations());
        credential.setCreatedDate(Time.currentTimeMillis());
        PasswordCredentialProvider passwords = (PasswordCredentialProvider) session.getProvider(CredentialProvider.class,
                PasswordCredentialProviderFactory.PROVIDER_ID);
        passwords.createCredential(realm, person, credential);
    }
}

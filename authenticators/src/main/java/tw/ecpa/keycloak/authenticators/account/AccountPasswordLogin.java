package tw.ecpa.keycloak.authenticators.account;

import static tw.ecpa.keycloak.model.LoginMethod.EVENT_DETAIL;
import static tw.ecpa.keycloak.model.LoginMethod.PASSWORD;

import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

import tw.ecpa.keycloak.authenticators.gate.LoginGate;
import tw.ecpa.keycloak.authenticators.homepage.HomePage;
import tw.ecpa.keycloak.authenticators.homepage.LoginMethod;
import tw.ecpa.keycloak.model.PersonnelLookup;

/**
 * 帳號登入: a custom account or national ID, and the password. Whoever is typed, a refusal costs one
 * password hash (the real check, or Keycloak's dummy hash for an unknown account, a person without a
 * password yet, an empty password and a locked account) and gets the same page and message, and every
 * failure of a known person goes through {@code failureChallenge} so that brute-force detection counts
 * it, also while the account is locked ({@link LoginGate#lockedOut}). A locked account's password is never
 * checked. The rest of the gate (disabled, left service (卸職)) is asked after the password is checked,
 * so that the message tells nothing to someone who does not know it; so is a reset's generated password
 * past its lifespan ({@link GeneratedPasswordExpiry}).
 */
public final class AccountPasswordLogin implements LoginMethod {

    public static final String ID = PASSWORD.id();
    static final String FIELD_ACCOUNT = "username";
    static final String FIELD_PASSWORD = "password";
    /** One message for an unknown account and a wrong password: nobody learns which accounts exist. */
    static final String INVALID = "ecpa.login.invalid";
    static final String GENERATED_PASSWORD_EXPIRED = "ecpa.login.generatedPasswordExpired";
    static final String GENERATED_PASSWORD_EXPIRED_ERROR = "ecpa_generated_password_expired";

    private final HomePage page;

    public AccountPasswordLogin(HomePage page) {
        this.page = page;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void attempt(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        String typed = Optional.ofNullable(form.getFirst(FIELD_ACCOUNT)).map(String::strip).orElse("");
        String password = form.getFirst(FIELD_PASSWORD);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        context.clearUser();
        context.getEvent().detail(Details.USERNAME, PersonnelAccounts.forEvents(typed)).detail(EVENT_DETAIL, PASSWORD.id());

        Optional<UserModel> found = new PersonnelLookup(context.getSession(), context.getRealm()).byAccountOrNationalId(typed);
        if (found.isEmpty()) {
            // What Keycloak's brute-force bookkeeping looks up after a failure; nobody to count here.
            authSession.removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
            AuthenticatorUtils.dummyHash(context);
            context.getEvent().error(Errors.USER_NOT_FOUND);
            context.failureChallenge(AuthenticationFlowError.INVALID_USER, invalid(context, typed));
            return;
        }
        UserModel user = found.get();
        authSession.setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, user.getUsername());
        context.getEvent().user(user);

        Optional<LoginGate.Refusal> locked = LoginGate.lockedOut(context, user);
        if (locked.isPresent()) {
            // Answered as a wrong password, after the same hash work, and counted: the lock tells nobody
            // that the account exists, nor that the password typed was right.
            AuthenticatorUtils.dummyHash(context);
            LoginGate.refuse(context, locked.get(), LoginGate.Proof.CLAIMED, invalid(context, typed));
            return;
        }
        if (!passwordMatches(context, user, password)) {
            refuse(context, typed, Errors.INVALID_USER_CREDENTIALS);
            return;
        }
        Optional<LoginGate.Refusal> refusal = LoginGate.standing(user, LoginGate.Expected.PERSON);
        if (refusal.isPresent()) {
            // Told only to someone who typed the right password; an agency's account is nobody's to type.
            FormMessage message = refusal.get() == LoginGate.Refusal.NOT_A_PERSON
                    ? new FormMessage(FIELD_ACCOUNT, INVALID) : new FormMessage(FIELD_ACCOUNT, refusal.get().messageKey());
            LoginGate.refuse(context, refusal.get(), LoginGate.Proof.PROVEN, page.render(context, message, typed));
            return;
        }
        if (GeneratedPasswordExpiry.hasExpired(context.getRealm(), user, Instant.ofEpochMilli(Time.currentTimeMillis()))) {
            // The right password of a letter that is too old. Its own message, told only to someone who typed
            // that password, so it tells nobody else anything; not a failure for brute-force detection (the
            // person proved they hold the letter; counting it would lock them out while they ask for a new
            // one); nothing on the record changes, the birthday step stays waiting for the next reset.
            context.getEvent().detail(Details.REASON, "generated password expired").error(GENERATED_PASSWORD_EXPIRED_ERROR);
            context.forceChallenge(page.render(context, new FormMessage(FIELD_ACCOUNT, GENERATED_PASSWORD_EXPIRED), typed));
            return;
        }
        // Only the failure bookkeeping needs it; left in place, the next pages would show the username.
        authSession.removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        authSession.setAuthNote(AuthenticationManager.PASSWORD_VALIDATED, "true");
        PASSWORD.recordIn(authSession);
        context.setUser(user);
        context.success();
    }

    /**
     * One password hash whether or not there is a password to check: Keycloak's dummy hash when none was
     * typed or none is stored yet (most personnel before their first login), so that the time of the
     * answer does not tell who is on record.
     */
    private static boolean passwordMatches(AuthenticationFlowContext context, UserModel user, String password) {
        if (password == null || password.isEmpty() || !user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE)) {
            AuthenticatorUtils.dummyHash(context);
            return false;
        }
        return user.credentialManager().isValid(UserCredentialModel.password(password));
    }

    private void refuse(AuthenticationFlowContext context, String typed, String eventError) {
        context.getEvent().error(eventError);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, invalid(context, typed));
    }

    private jakarta.ws.rs.core.Response invalid(AuthenticationFlowContext context, String typed) {
        return page.render(context, new FormMessage(FIELD_ACCOUNT, INVALID), typed);
    }
}

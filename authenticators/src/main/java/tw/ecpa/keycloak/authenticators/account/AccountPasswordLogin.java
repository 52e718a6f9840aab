package tw.ecpa.keycloak.authenticators.account;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;

import tw.ecpa.keycloak.authenticators.home.HomePage;
import tw.ecpa.keycloak.authenticators.home.LoginMethod;

/**
 * 帳號登入: a custom account or national ID, and the password. Follows Keycloak's own
 * username-password form in what matters for security: an unknown account costs a dummy password
 * hash and gets the same message as a wrong password, every failure goes through
 * {@code failureChallenge} so that brute-force detection counts it, and a locked account is refused
 * before its password is checked. A person who has left service (卸職) is refused after the password
 * is checked, so that the message tells nothing to someone who does not know it.
 */
public final class AccountPasswordLogin implements LoginMethod {

    public static final String ID = "password";
    static final String FIELD_ACCOUNT = "username";
    static final String FIELD_PASSWORD = "password";
    /** One message for an unknown account and a wrong password: nobody learns which accounts exist. */
    static final String INVALID = "ecpa.login.invalid";
    static final String DEPARTED = "ecpa.login.departed";
    static final String EMPLOYMENT_STATUS_ATTRIBUTE = "employmentStatus";
    static final String DEPARTED_STATUS = "departed";

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
        context.getEvent().detail(Details.USERNAME, PersonnelAccounts.forEvents(typed));

        Optional<UserModel> found = PersonnelAccounts.find(context.getSession(), context.getRealm(), typed);
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

        String bruteForceError = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (bruteForceError != null) {
            context.getEvent().error(bruteForceError);
            // Keycloak's own form says so too: the lockout is temporary, and a person who knows it waits.
            String message = Errors.USER_TEMPORARILY_DISABLED.equals(bruteForceError)
                    ? Messages.ACCOUNT_TEMPORARILY_DISABLED : Messages.ACCOUNT_PERMANENTLY_DISABLED;
            context.forceChallenge(page.render(context, new FormMessage(FIELD_ACCOUNT, message), typed));
            return;
        }
        if (password == null || password.isEmpty() || !user.credentialManager().isValid(UserCredentialModel.password(password))) {
            context.getEvent().error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, invalid(context, typed));
            return;
        }
        if (!user.isEnabled()) {
            context.getEvent().error(Errors.USER_DISABLED);
            context.forceChallenge(page.render(context, new FormMessage(FIELD_ACCOUNT, Messages.ACCOUNT_DISABLED), typed));
            return;
        }
        if (DEPARTED_STATUS.equals(user.getFirstAttribute(EMPLOYMENT_STATUS_ATTRIBUTE))) {
            context.getEvent().detail(Details.REASON, "departed").error(Errors.USER_DISABLED);
            context.forceChallenge(page.render(context, new FormMessage(FIELD_ACCOUNT, DEPARTED), typed));
            return;
        }
        // Only the failure bookkeeping needs it; left in place, the next pages would show the username.
        authSession.removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        authSession.setAuthNote(AuthenticationManager.PASSWORD_VALIDATED, "true");
        authSession.setAuthNote(HomePage.LOGIN_METHOD_NOTE, ID);
        authSession.setUserSessionNote(HomePage.LOGIN_METHOD_NOTE, ID);
        context.setUser(user);
        context.success();
    }

    private jakarta.ws.rs.core.Response invalid(AuthenticationFlowContext context, String typed) {
        return page.render(context, new FormMessage(FIELD_ACCOUNT, INVALID), typed);
    }
}

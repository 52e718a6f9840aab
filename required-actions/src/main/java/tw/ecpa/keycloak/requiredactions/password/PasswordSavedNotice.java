package tw.ecpa.keycloak.requiredactions.password;

import java.util.Set;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Required action {@value PasswordSavedNoticeFactory#PROVIDER_ID}: after 送出 on a password page the guide
 * shows 操作成功, and after a first login it asks the person to log out and in again to confirm that the
 * account works (請重新登出後再登入，以確認是否已啟用成功). Keycloak goes on to the application once the password
 * is saved, so this page comes in between, as Keycloak's own info page does after the actions of an e-mail
 * link: the success message, the reminder, and 繼續 to the application.
 *
 * <p>It never asks for itself on the person. Its trigger, evaluated by Keycloak before every step of the
 * required actions, notes the stored password as it was while a password step is pending (Keycloak's
 * UPDATE_PASSWORD, also as {@code kc_action} or 忘記密碼's last step, or the birthday step after a reset) and,
 * once none is pending, adds this page to the login only if the stored password changed: 取消 or leaving
 * the page shows nothing.
 */
final class PasswordSavedNotice implements RequiredActionProvider {

    static final String TEMPLATE = "ecpa-password-saved.ftl";
    static final String SAVED = "ecpa.password.saved";
    /** The stored password (when it was set) as it was before the password step, or {@value #NONE}. */
    static final String BEFORE_NOTE = "ecpa.password.before";
    static final String NONE = "none";
    /** The birthday step after a reset, {@code BirthdayPasswordActionFactory.PROVIDER_ID}: it saves a password too. */
    static final String BIRTHDAY_PASSWORD = "ecpa-birthday-password";
    private static final Set<String> PASSWORD_STEPS = Set.of(UserModel.RequiredAction.UPDATE_PASSWORD.name(), BIRTHDAY_PASSWORD);

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.NOT_SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String before = authSession.getAuthNote(BEFORE_NOTE);
        if (passwordStepPending(context)) {
            if (before == null) {
                authSession.setAuthNote(BEFORE_NOTE, storedPassword(context.getUser()));
            }
            return;
        }
        if (before != null) {
            authSession.removeAuthNote(BEFORE_NOTE);
            if (!before.equals(storedPassword(context.getUser()))) {
                authSession.addRequiredAction(PasswordSavedNoticeFactory.PROVIDER_ID);
            }
        }
    }

    private static boolean passwordStepPending(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String requested = authSession.getClientNote(Constants.KC_ACTION);
        return requested != null && PASSWORD_STEPS.contains(requested)
                || authSession.getRequiredActions().stream().anyMatch(PASSWORD_STEPS::contains)
                || context.getUser().getRequiredActionsStream().anyMatch(PASSWORD_STEPS::contains);
    }

    /** When the stored password was set: a saved password is a new one, however often the same person saves. */
    private static String storedPassword(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .map(credential -> credential.getId() + "@" + credential.getCreatedDate())
                .findFirst().orElse(NONE);
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(context.form().setSuccess(SAVED).createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.success();
    }

    @Override
    public void close() {
    }
}

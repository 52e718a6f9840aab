package tw.ecpa.keycloak.authenticators.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.DefaultActionTokenKey;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

import tw.ecpa.keycloak.authenticators.IdentifyingStep;
import tw.ecpa.keycloak.core.NationalId;

/**
 * 忘記密碼, the first step of the realm's reset-credentials flow: the person types their national ID or
 * custom account (found as 帳號登入 finds them, {@link PersonnelAccounts}). Only a serving person whose
 * last reset mail is older than the cool-down becomes the flow's user; everyone else goes on with no
 * user, and Keycloak's own "send reset email" step then answers exactly as it does for a sent mail, so
 * the page never tells who exists. Keycloak's step sends the mail (single-use action token), its
 * "reset password" step asks for a new password under the realm's password policy.
 *
 * <p>The cool-down is the rate limit: at most one reset mail per person per cool-down, whoever asks, kept
 * on the person ({@value #LAST_MAIL_ATTRIBUTE}) so it holds across cluster nodes and restarts. Keycloak's
 * brute-force detection is no fit here: counting reset requests as failures would let anyone lock
 * anyone's account.
 */
final class ForgotPasswordLookup implements IdentifyingStep {

    static final String TEMPLATE = "ecpa-forgot-password.ftl";
    static final String FIELD_ACCOUNT = "account";
    /** Epoch milliseconds of the last reset mail this step let through; only administrators see it. */
    static final String LAST_MAIL_ATTRIBUTE = "ecpaResetMailAt";
    static final String RATE_LIMITED = "ecpa_reset_rate_limited";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        // Back from the mail's link: Keycloak verified the action token and names its user; nothing to ask.
        String tokenUser = context.getAuthenticationSession().getAuthNote(DefaultActionTokenKey.ACTION_TOKEN_USER_ID);
        UserModel user = tokenUser == null ? null : context.getSession().users().getUserById(context.getRealm(), tokenUser);
        if (user != null) {
            context.setUser(user);
            context.success();
            return;
        }
        context.challenge(page(context, null, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String typed = Optional.ofNullable(form.getFirst(FIELD_ACCOUNT)).map(String::strip).orElse("");
        if (typed.isEmpty()) {
            context.challenge(page(context, new FormMessage(FIELD_ACCOUNT, "ecpa.forgot.accountMissing"), typed));
            return;
        }
        String asId = NationalId.normalise(typed);
        if (NationalId.looksLikeNationalId(asId) && !NationalId.isValid(asId)) {
            // Says nothing about anyone: the checksum is public arithmetic.
            context.challenge(page(context, new FormMessage(FIELD_ACCOUNT, "ecpa.binding.badNationalId"), typed));
            return;
        }
        String forEvents = PersonnelAccounts.forEvents(typed);
        context.getAuthenticationSession().setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, forEvents);
        EventBuilder event = context.getEvent().detail(Details.USERNAME, forEvents);
        Optional<UserModel> found = PersonnelAccounts.find(context.getSession(), context.getRealm(), typed);
        ForgotPasswordConfig config = ForgotPasswordConfig.read(context.getAuthenticatorConfig());
        Instant now = Instant.now();
        if (found.isEmpty()) {
            event.clone().error(Errors.USER_NOT_FOUND);
            context.clearUser();
        } else if (!found.get().isEnabled()) {
            event.clone().user(found.get()).error(Errors.USER_DISABLED);
            context.clearUser();
        } else if (AccountPasswordLogin.DEPARTED_STATUS.equals(found.get().getFirstAttribute(AccountPasswordLogin.EMPLOYMENT_STATUS_ATTRIBUTE))) {
            event.clone().user(found.get()).detail(Details.REASON, "departed").error(Errors.USER_DISABLED);
            context.clearUser();
        } else if (coolingDown(found.get(), config.coolDown(), now)) {
            event.clone().user(found.get()).error(RATE_LIMITED);
            context.clearUser();
        } else {
            found.get().setSingleAttribute(LAST_MAIL_ATTRIBUTE, Long.toString(now.toEpochMilli()));
            context.setUser(found.get());
        }
        context.success();
    }

    private static boolean coolingDown(UserModel user, Duration coolDown, Instant now) {
        String last = user.getFirstAttribute(LAST_MAIL_ATTRIBUTE);
        if (last == null || !last.matches("[0-9]{1,19}")) {
            return false;
        }
        return now.isBefore(Instant.ofEpochMilli(Long.parseLong(last)).plus(coolDown));
    }

    private static Response page(AuthenticationFlowContext context, FormMessage error, String typed) {
        var form = context.form().setExecution(context.getExecution().getId());
        if (typed != null) {
            form.setAttribute("ecpaTypedAccount", typed);
        }
        if (error != null) {
            form.addError(error);
        }
        return form.createForm(TEMPLATE);
    }
}

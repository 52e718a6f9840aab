package tw.ecpa.keycloak.authenticators.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.DefaultActionTokenKey;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;

import tw.ecpa.keycloak.authenticators.IdentifyingStep;
import tw.ecpa.keycloak.authenticators.gate.LoginGate;
import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.model.EcpaMetrics;
import tw.ecpa.keycloak.model.PersonnelLookup;

/**
 * 忘記密碼, the first step of the realm's reset-credentials flow: the person types their national ID or
 * custom account (found as 帳號登入 finds them, {@link PersonnelLookup}). Only a serving person with a
 * password whose last mail from here is older than the cool-down becomes the flow's user; everyone else
 * goes on with no user, and Keycloak's own "send reset email" step then answers exactly as it does for a
 * sent mail, so the page never tells who exists. Keycloak's step sends the mail (single-use action
 * token), its "reset password" step asks for a new password under the realm's password policy.
 *
 * <p>Someone without a password has not done their first login (card, officer or help desk, then the
 * password page): a reset link would be a fourth, unguarded first login. They get the same page, and the
 * mail goes to their e-mail on record with the first-login ways and no link ({@link FirstLoginWaysLetter}).
 *
 * <p>The cool-down is the rate limit: at most one mail (reset link or first-login ways) per person per
 * cool-down, whoever asks, kept on the person ({@value #LAST_MAIL_ATTRIBUTE}) so it holds across cluster
 * nodes and restarts. Keycloak's brute-force detection is no fit here: counting reset requests as
 * failures would let anyone lock anyone's account.
 */
final class ForgotPasswordLookup implements IdentifyingStep {

    static final String TEMPLATE = "ecpa-forgot-password.ftl";
    static final String FIELD_ACCOUNT = "account";
    /** Epoch milliseconds of the last reset mail this step let through; only administrators see it. */
    static final String LAST_MAIL_ATTRIBUTE = "ecpaResetMailAt";
    static final String RATE_LIMITED = "ecpa_reset_rate_limited";
    /** No reset link for someone without a password: the first-login ways were mailed instead. */
    static final String FIRST_LOGIN_PENDING = "ecpa_reset_before_first_login";

    private static final Logger LOG = Logger.getLogger(ForgotPasswordLookup.class);

    private final EcpaMetrics metrics;

    ForgotPasswordLookup(EcpaMetrics metrics) {
        this.metrics = metrics;
    }

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
        Optional<UserModel> found = new PersonnelLookup(context.getSession(), context.getRealm()).byAccountOrNationalId(typed);
        ForgotPasswordConfig config = ForgotPasswordConfig.read(context.getAuthenticatorConfig());
        Instant now = Instant.now();
        Optional<LoginGate.Refusal> refusal = found.flatMap(user -> LoginGate.standing(user, LoginGate.Expected.PERSON));
        if (found.isEmpty()) {
            event.clone().error(Errors.USER_NOT_FOUND);
            context.clearUser();
        } else if (refusal.isPresent()) {
            // Whom the login gate keeps out gets no letter; the page says the same as for anyone else.
            EventBuilder refused = event.clone().user(found.get());
            refusal.get().reason().ifPresent(reason -> refused.detail(Details.REASON, reason));
            refused.error(refusal.get().eventError());
            context.clearUser();
        } else if (coolingDown(found.get(), config.coolDown(), now)) {
            event.clone().user(found.get()).error(RATE_LIMITED);
            context.clearUser();
        } else if (!found.get().credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE)) {
            found.get().setSingleAttribute(LAST_MAIL_ATTRIBUTE, Long.toString(now.toEpochMilli()));
            explainTheFirstLogin(context, event.clone().user(found.get()), found.get());
            context.clearUser();
        } else {
            found.get().setSingleAttribute(LAST_MAIL_ATTRIBUTE, Long.toString(now.toEpochMilli()));
            context.setUser(found.get());
        }
        context.success();
    }

    /**
     * Mails the first-login ways, where Keycloak's step would have mailed the link: the same mail work, so
     * the answer's time says no more than its page. Nobody to write to, or a mail server that refuses,
     * changes nothing of what the page says either.
     */
    void explainTheFirstLogin(AuthenticationFlowContext context, EventBuilder event, UserModel person) {
        event.detail(Details.REASON, "no first login yet");
        if (person.getEmail() == null || person.getEmail().isBlank()) {
            event.error(Errors.INVALID_EMAIL);
            return;
        }
        event.detail(Details.EMAIL, person.getEmail());
        try {
            FirstLoginWaysLetter.send(context.getSession(), context.getRealm(), person);
            event.error(FIRST_LOGIN_PENDING);
        } catch (EmailException e) {
            // The exception's own text may hold the address: only the kinds of failure are logged.
            LOG.warnf("the first-login letter to user %s could not be sent: %s (%s)", person.getId(),
                    e.getClass().getSimpleName(), e.getCause() == null ? "-" : e.getCause().getClass().getSimpleName());
            metrics.mailFailed(EcpaMetrics.Letter.FIRST_LOGIN_WAYS);
            event.error(Errors.EMAIL_SEND_FAILED);
        }
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

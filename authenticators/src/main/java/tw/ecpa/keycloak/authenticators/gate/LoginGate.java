package tw.ecpa.keycloak.authenticators.gate;

import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.UserModel;
import org.keycloak.services.messages.Messages;

import tw.ecpa.keycloak.core.certificate.AgencyCertificateAccount;
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * May this person log in: the one rule every step that logs someone in applies, in one order with one
 * answer per refusal. (1) not locked by Keycloak's brute-force detection; (2) enabled; (3) serving, not
 * departed (卸職); (4) the kind of account the step expects: a step that logs in a person never logs in
 * an agency's certificate account ({@link AgencyCertificateAccount}), which is nobody's personal account.
 *
 * <p>The lock comes first and is asked apart ({@link #lockedOut}) because the password box must answer it
 * before it checks the password (a locked account's password is never checked); a card login does not
 * ask it at all, since wrong passwords typed by anyone must not lock the holder out of the strong factor
 * and the card guards its PIN itself. The rest ({@link #standing}) is asked once the person is known.
 * Which page shows a refusal is the step's; the event, the brute-force counting and the message are the
 * refusal's ({@link #refuse}).
 */
public final class LoginGate {

    private LoginGate() {
    }

    /** Whom a step logs in. */
    public enum Expected {
        /** A person of the personnel database (password, citizen card, binding). */
        PERSON,
        /** An agency's certificate account (機關憑證): it has no personnel record, so nothing of a person's is asked. */
        AGENCY_ACCOUNT
    }

    /**
     * How far the person proved who they are when refused. A claim (an account typed, before the
     * password or the holder check proved it) is refused as a failure that brute-force detection counts
     * on that person; someone who proved it (the right password, their own bound card) is not counted,
     * so that nobody is locked out for being refused for what they are.
     */
    public enum Proof {
        CLAIMED,
        PROVEN
    }

    /** Why the gate stays shut, with the event error, the event's reason and the message the page shows. */
    public enum Refusal {
        LOCKED_TEMPORARILY(Errors.USER_TEMPORARILY_DISABLED, null, Messages.ACCOUNT_TEMPORARILY_DISABLED,
                AuthenticationFlowError.USER_TEMPORARILY_DISABLED),
        LOCKED_PERMANENTLY(Errors.USER_DISABLED, null, Messages.ACCOUNT_PERMANENTLY_DISABLED,
                AuthenticationFlowError.USER_DISABLED),
        DISABLED(Errors.USER_DISABLED, null, Messages.ACCOUNT_DISABLED, AuthenticationFlowError.USER_DISABLED),
        DEPARTED(Errors.USER_DISABLED, "departed", "ecpa.login.departed", AuthenticationFlowError.USER_DISABLED),
        /** An agency's account where a person is expected: to the person at the page, nobody on record. */
        NOT_A_PERSON(Errors.USER_NOT_FOUND, "agency-certificate account", "ecpa.binding.notInPersonnelDatabase",
                AuthenticationFlowError.INVALID_USER);

        private final String eventError;
        private final String reason;
        private final String messageKey;
        private final AuthenticationFlowError flowError;

        Refusal(String eventError, String reason, String messageKey, AuthenticationFlowError flowError) {
            this.eventError = eventError;
            this.reason = reason;
            this.messageKey = messageKey;
            this.flowError = flowError;
        }

        public String eventError() {
            return eventError;
        }

        /** The event's {@value Details#REASON} detail, when the error alone does not say it. */
        public Optional<String> reason() {
            return Optional.ofNullable(reason);
        }

        public String messageKey() {
            return messageKey;
        }

        public AuthenticationFlowError flowError() {
            return flowError;
        }

        /** A brute-force lock, which the password box answers as a wrong password so as to tell nobody it exists. */
        public boolean locked() {
            return this == LOCKED_TEMPORARILY || this == LOCKED_PERMANENTLY;
        }
    }

    /** The whole rule, in its order, for a step that checks the lock and the standing at once. */
    public static Optional<Refusal> check(AuthenticationFlowContext context, UserModel user, Expected expected) {
        return lockedOut(context, user).or(() -> standing(user, expected));
    }

    /** (1) Keycloak's brute-force detection: locked for now, or for good. */
    public static Optional<Refusal> lockedOut(AuthenticationFlowContext context, UserModel user) {
        String bruteForceError = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (bruteForceError == null) {
            return Optional.empty();
        }
        return Optional.of(Errors.USER_TEMPORARILY_DISABLED.equals(bruteForceError)
                ? Refusal.LOCKED_TEMPORARILY : Refusal.LOCKED_PERMANENTLY);
    }

    /** (2) to (4): enabled, serving, and the kind of account the step expects. */
    public static Optional<Refusal> standing(UserModel user, Expected expected) {
        if (!user.isEnabled()) {
            return Optional.of(Refusal.DISABLED);
        }
        if (PersonnelRecord.of(user).departed()) {
            return Optional.of(Refusal.DEPARTED);
        }
        boolean agencyAccount = AgencyCertificateAccount.isOne(user.getUsername(),
                user.getFirstAttribute(AgencyCertificateAccount.MARKER_ATTRIBUTE));
        if (expected == Expected.PERSON && agencyAccount) {
            return Optional.of(Refusal.NOT_A_PERSON);
        }
        return Optional.empty();
    }

    /**
     * Answers a refusal on the step's {@code page}: the event's error (and reason), and a challenge that
     * brute-force detection counts on the attempted user only for a mere claim ({@link Proof}).
     */
    public static void refuse(AuthenticationFlowContext context, Refusal refusal, Proof proof, Response page) {
        refusal.reason().ifPresent(reason -> context.getEvent().detail(Details.REASON, reason));
        context.getEvent().error(refusal.eventError());
        if (proof == Proof.CLAIMED) {
            context.failureChallenge(refusal.flowError(), page);
        } else {
            context.forceChallenge(page);
        }
    }
}

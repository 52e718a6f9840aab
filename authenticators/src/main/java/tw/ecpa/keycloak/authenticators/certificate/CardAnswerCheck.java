package tw.ecpa.keycloak.authenticators.certificate;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

import tw.ecpa.keycloak.core.certificate.CardProblem;
import tw.ecpa.keycloak.core.certificate.CertificateProfile;
import tw.ecpa.keycloak.model.LoginMethod;

/**
 * The card part of 憑證登入 for a page that is not a login step, such as binding a card while signed in:
 * the same nonce of the auth session ({@link CertificateLogin#offer(AuthenticationSessionModel,
 * AuthenticatorConfigModel, org.keycloak.forms.login.LoginFormsProvider)}), the same component answer,
 * the same verification ({@link CardAnswerVerifier}) with the settings of the certificate step. Says who
 * the card is; what to do with it is the caller's business. Event details as a certificate login has them.
 */
public final class CardAnswerCheck {

    /** What the check found: a verified card (citizen or agency: see its profile), or why the answer was refused. */
    public sealed interface Outcome {
    }

    public record VerifiedCard(X509Certificate certificate, CertificateProfile profile) implements Outcome {
    }

    /** A refusal: the event error, the message key shown and its parameters (the tries left after a wrong PIN). */
    public record Refused(String eventError, String messageKey, Object... messageParameters) implements Outcome {
    }

    private final KeycloakSession session;
    private final CertificateLoginConfig config;

    public CardAnswerCheck(KeycloakSession session, AuthenticatorConfigModel certificateStepConfig) {
        this.session = session;
        this.config = CertificateLoginConfig.read(certificateStepConfig);
    }

    public Outcome check(AuthenticationSessionModel authSession, String answerText, EventBuilder event) {
        Instant now = Instant.now();
        event.detail(VerifiedCertificateNotes.DETAIL_METHOD, LoginMethod.CERTIFICATE.id());
        Optional<CardAnswer> answer = CardAnswer.parse(answerText);
        if (answer.isEmpty()) {
            authSession.removeAuthNote(NonceIssuer.NONCE_NOTE);
            return refused(VerificationFailure.ANSWER_MALFORMED);
        }
        Optional<CardProblem> problem = CardProblem.of(answer.get().retCode(), answer.get().lastError());
        if (problem.isPresent()) {
            authSession.removeAuthNote(NonceIssuer.NONCE_NOTE);
            event.detail("card_ret_code", CardProblem.hex(answer.get().retCode()))
                    .detail("card_last_error", CardProblem.hex(answer.get().lastError()));
            if (problem.get() == CardProblem.WRONG_PIN) {
                return WrongPins.counted(authSession, problem.get());
            }
            return new Refused(problem.get().eventError(), problem.get().messageKey());
        }
        CardAnswerVerifier verifier;
        try {
            verifier = CardAnswerVerifier.configured(session, config);
        } catch (IllegalArgumentException e) {
            return new Refused(CertificateLogin.NOT_CONFIGURED, "ecpa.certificate.notConfigured");
        }
        NonceIssuer nonces = new NonceIssuer(config.nonceLifetime());
        Verification verification = verifier.verify(answer.get(), content -> nonces.consume(authSession, content, now), now);
        if (verification instanceof Verification.Failed failed) {
            failed.certificate().ifPresent(certificate -> VerifiedCertificateNotes.describe(event, certificate));
            return refused(failed.failure());
        }
        Verification.Verified verified = (Verification.Verified) verification;
        // The card took the PIN: its own counter of wrong PINs starts again.
        WrongPins.forget(authSession);
        VerifiedCertificateNotes.describe(event, verified.certificate());
        if (verified.revocationUnchecked()) {
            event.detail("revocation", "unchecked");
        }
        return new VerifiedCard(verified.certificate(), verified.profile());
    }

    private static Refused refused(VerificationFailure failure) {
        return new Refused(failure.eventError(), failure.messageKey());
    }
}

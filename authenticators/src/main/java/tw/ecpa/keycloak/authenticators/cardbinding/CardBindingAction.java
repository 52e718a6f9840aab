package tw.ecpa.keycloak.authenticators.cardbinding;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.CredentialRegistrator;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import tw.ecpa.keycloak.authenticators.binding.BindingConfig;
import tw.ecpa.keycloak.authenticators.binding.BoundCertificateCredentialModel;
import tw.ecpa.keycloak.authenticators.binding.BoundCertificates;
import tw.ecpa.keycloak.authenticators.binding.CardBinding;
import tw.ecpa.keycloak.authenticators.certificate.CardAnswerCheck;
import tw.ecpa.keycloak.authenticators.certificate.CertificateLogin;
import tw.ecpa.keycloak.authenticators.certificate.CertificateSettings;
import tw.ecpa.keycloak.authenticators.certificate.CertificateLoginAuthenticatorFactory;
import tw.ecpa.keycloak.authenticators.gate.LoginGate;
import tw.ecpa.keycloak.authenticators.home.EcpaHomeAuthenticatorFactory;
import tw.ecpa.keycloak.core.certificate.CardKind;

/**
 * 自然人憑證上傳: a person signed in (with a password, usually) binds their citizen card. The page runs
 * the card protocol of 憑證登入 over a nonce of this auth session; the answer is checked exactly as a
 * login checks it, with the browser flow's own certificate settings ({@link BrowserFlowSettings}); then
 * the person must pass the login gate and the card is bound as the first certificate login binds it
 * ({@link CardBinding}, with the binding step's holder check). A renewed card is bound beside the old one. Every outcome is an
 * UPDATE_CREDENTIAL event of type {@value BoundCertificateCredentialModel#TYPE} (never the PIN or nonce).
 * Offered to relying apps as {@code kc_action=}{@value CardBindingActionFactory#PROVIDER_ID} and by the
 * account console as the "set up" of bound cards.
 */
final class CardBindingAction implements RequiredActionProvider, CredentialRegistrator {

    static final String TEMPLATE = "ecpa-bind-certificate.ftl";
    /** Only a citizen card belongs to a person; an agency card may verify fine but is the agency's. */
    static final String NOT_A_CITIZEN_CARD = "ecpa_certificate_not_citizen";

    private static final Set<String> CERTIFICATE_STEPS = Set.of(EcpaHomeAuthenticatorFactory.PROVIDER_ID,
            CertificateLoginAuthenticatorFactory.PROVIDER_ID);
    private static final Set<String> BINDING_STEPS = Set.of(CertificateBindingAuthenticatorFactory.PROVIDER_ID);

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public String getCredentialType(KeycloakSession session, AuthenticationSessionModel authenticationSession) {
        return BoundCertificateCredentialModel.TYPE;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // Only on request: a person without a card must never be stopped here.
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        EventBuilder event = context.getEvent().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, BoundCertificateCredentialModel.TYPE);
        Optional<AuthenticatorConfigModel> certificateStep = certificateStep(context);
        if (certificateStep.isEmpty()) {
            refuse(context, event, "ecpa_certificate_not_configured", "ecpa.certificate.notConfigured");
            return;
        }
        String answer = context.getHttpRequest().getDecodedFormParameters().getFirst(CertificateLogin.ANSWER_FIELD);
        CardAnswerCheck.Outcome outcome = new CardAnswerCheck(context.getSession(), certificateStep.get())
                .check(context.getAuthenticationSession(), answer, event);
        if (outcome instanceof CardAnswerCheck.Refused refused) {
            event.error(refused.eventError());
            context.challenge(page(context, new FormMessage(null, refused.messageKey(), refused.messageParameters())));
            return;
        }
        CardAnswerCheck.VerifiedCard card = (CardAnswerCheck.VerifiedCard) outcome;
        if (card.profile().kind() != CardKind.CITIZEN) {
            refuse(context, event, NOT_A_CITIZEN_CARD, "ecpa.myArea.citizenCardOnly");
            return;
        }
        UserModel user = context.getUser();
        // Signed in, yet the person may have left service (卸職) since: the login gate's rule, without the lock.
        Optional<LoginGate.Refusal> refusal = LoginGate.standing(user, LoginGate.Expected.PERSON);
        if (refusal.isPresent()) {
            refusal.get().reason().ifPresent(reason -> event.detail(Details.REASON, reason));
            refuse(context, event, refusal.get().eventError(), refusal.get().messageKey());
            return;
        }
        BindingConfig binding = BindingConfig.read(BrowserFlowSettings.of(context.getRealm(),
                context.getAuthenticationSession().getClient(), BINDING_STEPS).orElse(null));
        CardBinding.Outcome result = new CardBinding(context.getSession(),
                new BoundCertificates(context.getSession(), context.getRealm()), binding)
                .bind(user, card.profile(), card.certificate(), Instant.now());
        switch (result) {
            case BOUND, ALREADY_THEIRS -> {
                event.detail("certificate_bound", result == CardBinding.Outcome.BOUND ? "true" : "already");
                event.success();
                context.success();
            }
            case BOUND_TO_ANOTHER -> refuse(context, event, result, "ecpa.binding.boundToAnother");
            case NOT_ON_RECORD -> refuse(context, event, result, "ecpa.binding.notInPersonnelDatabase");
            case HOLDER_MISMATCH, HOLDER_UNKNOWN_CERTIFICATE -> refuse(context, event, result, "ecpa.myArea.holderMismatch");
            case HOLDER_UNAVAILABLE, HOLDER_CHECK_TOO_WEAK -> refuse(context, event, result, "ecpa.binding.holderServiceUnavailable");
        }
    }

    private void refuse(RequiredActionContext context, EventBuilder event, CardBinding.Outcome outcome, String messageKey) {
        refuse(context, event, outcome.eventError().orElseThrow(), messageKey);
    }

    private void refuse(RequiredActionContext context, EventBuilder event, String eventError, String messageKey) {
        event.error(eventError);
        context.challenge(page(context, new FormMessage(null, messageKey)));
    }

    /** The page with a fresh nonce (a failed attempt never leaves a usable one), or only the error when certificates are not configured. */
    private Response page(RequiredActionContext context, FormMessage error) {
        LoginFormsProvider form = context.form();
        Optional<AuthenticatorConfigModel> certificateStep = certificateStep(context);
        certificateStep.ifPresent(config -> CertificateLogin.offer(context.getAuthenticationSession(), config, form));
        if (certificateStep.isEmpty() && error == null) {
            error = new FormMessage(null, "ecpa.certificate.notConfigured");
        }
        if (error != null) {
            form.addError(error);
        }
        return form.createForm(TEMPLATE);
    }

    private static Optional<AuthenticatorConfigModel> certificateStep(RequiredActionContext context) {
        // The realm's one certificate configuration; a realm from the older template has the steps' own.
        return CertificateSettings.named(context.getRealm())
                .or(() -> BrowserFlowSettings.of(context.getRealm(), context.getAuthenticationSession().getClient(), CERTIFICATE_STEPS));
    }

    @Override
    public void close() {
    }
}

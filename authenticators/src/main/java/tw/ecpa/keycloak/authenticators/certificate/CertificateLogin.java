package tw.ecpa.keycloak.authenticators.certificate;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Details;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import tw.ecpa.keycloak.authenticators.binding.BoundCertificates;
import tw.ecpa.keycloak.authenticators.gate.LoginGate;
import tw.ecpa.keycloak.core.certificate.CardKind;
import tw.ecpa.keycloak.model.LoginMethod;

/**
 * 憑證登入, one attempt: the page handed the PIN to the card component, which signed this login's nonce;
 * this checks the component's answer ({@link CardAnswerVerifier}) and then logs in the person the
 * certificate is bound to. A citizen certificate bound to nobody succeeds without a user, for the binding
 * step; an agency certificate logs in as its agency's account, acting for that agency. Every failure is a
 * LOGIN_ERROR event with its own error, answered through {@code failureChallenge} with the page the
 * attempt came from (the 憑證登入 page or the ECPA home page's box).
 */
public final class CertificateLogin {

    static final String AGENCY_UNKNOWN = "ecpa_agency_unknown";
    /** A step-up with a card that is not the signed-in person's bound card. */
    static final String NOT_SIGNED_IN_PERSONS_CARD = "ecpa_certificate_not_signed_in_persons";
    static final String NOT_CONFIGURED = "ecpa_certificate_not_configured";

    /** The form field carrying the component's answer, unchanged. */
    public static final String ANSWER_FIELD = "ecpa.cardAnswer";

    private final KeycloakSession session;

    public CertificateLogin(KeycloakSession session) {
        this.session = session;
    }

    /**
     * What a page offering 憑證登入 needs: a fresh nonce of this auth session (every rendering issues one,
     * so a failed attempt never leaves a usable one behind) and the card component's URL.
     */
    public static void offer(AuthenticationFlowContext context, LoginFormsProvider form) {
        offer(context.getAuthenticationSession(), CertificateSettings.of(context), form);
    }

    /** The same for a page outside the login steps (binding a card while signed in), with the certificate step's settings. */
    public static void offer(AuthenticationSessionModel authSession, AuthenticatorConfigModel certificateStepConfig, LoginFormsProvider form) {
        CertificateLoginConfig config = CertificateLoginConfig.read(certificateStepConfig);
        String nonce = new NonceIssuer(config.nonceLifetime()).issue(authSession, Instant.now());
        form.setAttribute("ecpaNonce", nonce).setAttribute("ecpaComponentUrl", config.componentUrl());
    }

    /** One attempt; {@code page} renders the page it came from with an error (and a new nonce). */
    public void attempt(AuthenticationFlowContext context, MultivaluedMap<String, String> form, Function<FormMessage, Response> page) {
        attempt(context, form, page, null);
    }

    /**
     * One attempt by someone an earlier step already authenticated ({@code signedIn}: by the SSO cookie
     * or the home page's password box), who is asked for the card as a step-up: the card must be that
     * person's bound card. Anything else would swap the person in the middle of a login.
     */
    void attemptAsSignedIn(AuthenticationFlowContext context, MultivaluedMap<String, String> form,
                           Function<FormMessage, Response> page, UserModel signedIn) {
        attempt(context, form, page, signedIn);
    }

    /**
     * Whether a card of this very authentication (on the home page) already logged in the person now
     * signed in, so the certificate page need not ask for it again: for {@code signedIn} only if the card
     * logged in that same person; with nobody signed in yet, only a card of this attempt that is bound to
     * nobody and waits for the binding step, which will prove whose it is.
     */
    static boolean verifiedInThisAuthentication(AuthenticationSessionModel authSession, UserModel signedIn) {
        if (signedIn == null) {
            return VerifiedCertificateNotes.verified(authSession).isPresent();
        }
        return cardLoggedIn(authSession, signedIn);
    }

    /** Whether {@code user} was logged in by a card (citizen or agency) in this authentication. */
    public static boolean cardLoggedIn(AuthenticationSessionModel authSession, UserModel user) {
        return LoginMethod.ofLogin(authSession).filter(LoginMethod::byCard).isPresent()
                && VerifiedCertificateNotes.loggedIn(authSession, user);
    }

    private void attempt(AuthenticationFlowContext context, MultivaluedMap<String, String> form,
                         Function<FormMessage, Response> page, UserModel signedIn) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (signedIn == null) {
            // A failed password attempt on the same page may have left its user behind.
            context.clearUser();
            LoginMethod.forget(authSession);
        }
        VerifiedCertificateNotes.forget(authSession);
        CardAnswerCheck.Outcome outcome = new CardAnswerCheck(session, CertificateSettings.of(context))
                .check(authSession, form.getFirst(ANSWER_FIELD), context.getEvent());
        if (outcome instanceof CardAnswerCheck.Refused refused) {
            context.getEvent().error(refused.eventError());
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                    page.apply(new FormMessage(null, refused.messageKey(), refused.messageParameters())));
            return;
        }
        CardAnswerCheck.VerifiedCard verified = (CardAnswerCheck.VerifiedCard) outcome;
        if (verified.profile().kind() == CardKind.AGENCY) {
            if (signedIn != null) {
                fail(context, page, NOT_SIGNED_IN_PERSONS_CARD, "ecpa.certificate.stepUpOtherCard");
                return;
            }
            logInForAgency(context, page, verified);
            return;
        }
        Optional<UserModel> holder = new BoundCertificates(session, context.getRealm()).holderOf(verified.certificate());
        if (signedIn != null && (holder.isEmpty() || !holder.get().getId().equals(signedIn.getId()))) {
            fail(context, page, NOT_SIGNED_IN_PERSONS_CARD, "ecpa.certificate.stepUpOtherCard");
            return;
        }
        if (holder.isEmpty()) {
            // First certificate login: the binding step asks who this is and proves it.
            VerifiedCertificateNotes.remember(authSession, verified.certificate());
            context.success();
            return;
        }
        logIn(context, page, holder.get(), LoginGate.Expected.PERSON, verified.certificate(), LoginMethod.CERTIFICATE, Map.of());
    }

    /**
     * Sets {@code user} and the login-method note ({@code method}) and any further user-session notes,
     * all only once every check passed, so a refused attempt leaves nothing for a later one.
     */
    private void logIn(AuthenticationFlowContext context, Function<FormMessage, Response> page, UserModel user,
                       LoginGate.Expected expected, X509Certificate certificate, LoginMethod method,
                       Map<String, String> userSessionNotes) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        context.getEvent().user(user).detail(Details.USERNAME, user.getUsername());
        // A refusal keeps nothing: the card is remembered only below, once the person is let in.
        // The card proves who this is, and the gate asks no brute-force lock of a card login (LoginGate).
        Optional<LoginGate.Refusal> refusal = LoginGate.standing(user, expected);
        if (refusal.isPresent()) {
            LoginGate.refuse(context, refusal.get(), LoginGate.Proof.PROVEN,
                    page.apply(new FormMessage(null, refusal.get().messageKey())));
            return;
        }
        loggedIn(authSession, user, certificate, method);
        userSessionNotes.forEach(authSession::setUserSessionNote);
        if (method == LoginMethod.CERTIFICATE) {
            // "last used" of the bound card; an agency's account has no bound card to record.
            new BoundCertificates(session, context.getRealm()).recordUse(user, certificate, Instant.now());
        }
        context.setUser(user);
        context.success();
    }

    /**
     * The card bound just now by the binding step logs its holder in: what a bound card's login records,
     * and the certificate level at once (the binding step runs after the home page's subflow, so no
     * condition comes after it to lower the level).
     */
    public static void boundCardLoggedIn(AuthenticationFlowContext context, UserModel user, X509Certificate certificate) {
        loggedIn(context.getAuthenticationSession(), user, certificate, LoginMethod.CERTIFICATE);
        context.setUser(user);
        CertificateLevel.reachedBy(context);
    }

    private static void loggedIn(AuthenticationSessionModel authSession, UserModel user, X509Certificate certificate, LoginMethod method) {
        VerifiedCertificateNotes.loggedIn(authSession, certificate, user);
        method.recordIn(authSession);
    }

    /**
     * An agency card is verified like a citizen card; its agency OID must be a known agency's. The login
     * is then the agency's account, made on the first login, and the user session says which agency it
     * acts for (the personnel API scopes its resets to that agency alone).
     */
    private void logInForAgency(AuthenticationFlowContext context, Function<FormMessage, Response> page, CardAnswerCheck.VerifiedCard verified) {
        String oid = verified.profile().agencyOid().orElse("");
        context.getEvent().detail(VerifiedCertificateNotes.DETAIL_METHOD, LoginMethod.AGENCY_CERTIFICATE.id()).detail("agency_oid", oid);
        AgencyCertificateHolder holders = new AgencyCertificateHolder(session, context.getRealm());
        Optional<AgencyCertificateHolder.Agency> agency = holders.agencyOf(oid);
        if (agency.isEmpty()) {
            fail(context, page, AGENCY_UNKNOWN, "ecpa.certificate.agencyUnknown");
            return;
        }
        context.getEvent().detail("agency_code", agency.get().code());
        UserModel account = holders.accountOf(agency.get());
        logIn(context, page, account, LoginGate.Expected.AGENCY_ACCOUNT, verified.certificate(), LoginMethod.AGENCY_CERTIFICATE,
                Map.of(LoginMethod.ACTING_AGENCY_NOTE, agency.get().code()));
    }

    private static void fail(AuthenticationFlowContext context, Function<FormMessage, Response> page, String eventError, String messageKey) {
        context.getEvent().error(eventError);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page.apply(new FormMessage(null, messageKey)));
    }
}

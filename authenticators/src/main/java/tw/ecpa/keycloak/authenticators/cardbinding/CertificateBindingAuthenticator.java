package tw.ecpa.keycloak.authenticators.cardbinding;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import tw.ecpa.keycloak.authenticators.IdentifyingStep;
import tw.ecpa.keycloak.authenticators.account.PersonnelAccounts;
import tw.ecpa.keycloak.authenticators.binding.BindingConfig;
import tw.ecpa.keycloak.authenticators.binding.BoundCertificateCredentialModel;
import tw.ecpa.keycloak.authenticators.binding.BoundCertificates;
import tw.ecpa.keycloak.authenticators.binding.CardBinding;
import tw.ecpa.keycloak.authenticators.binding.CardFingerprint;
import tw.ecpa.keycloak.authenticators.certificate.CertificateLogin;
import tw.ecpa.keycloak.authenticators.certificate.VerifiedCertificateNotes;
import tw.ecpa.keycloak.authenticators.gate.LoginGate;
import tw.ecpa.keycloak.model.PersonnelLookup;
import tw.ecpa.keycloak.model.PersonnelRecord;
import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.core.certificate.CertificateProfile;
import tw.ecpa.keycloak.core.certificate.CertificateProfileException;

/**
 * The first citizen-certificate login (the guide's 自然人憑證身分驗證): the person types their custom
 * account, or their national ID when they have none, and the checks run in the guide's order, each with
 * the guide's message: a malformed ID is refused before any look-up; (1) nobody in the personnel
 * database; (2) the {@link LoginGate} (locked, disabled, departed (卸職)); (3) the holder check says the
 * card is someone else's (the 驗證失敗 page). Only then is the certificate bound ({@link CardBinding}, as
 * 自然人憑證上傳 binds), the bound card logs its holder in ({@link CertificateLogin#boundCardLoggedIn}, which
 * also records the certificate level) and the login goes on to the required actions, a password among
 * them when the person has none yet ({@link FirstLoginPassword}).
 * Failures about a found person go through {@code failureChallenge} with that person as the attempted
 * user, so brute-force detection counts them on that person; every refusal after a look-up also counts
 * on the card and the auth session ({@link BindingAttempts}), and once either has used up its refusals
 * the page answers only "try later", whatever is typed: the page is no oracle of who is on record.
 */
final class CertificateBindingAuthenticator implements IdentifyingStep {

    static final String BAD_NATIONAL_ID = "ecpa_binding_bad_national_id";
    static final String NO_VERIFIED_CERTIFICATE = "ecpa_binding_without_certificate";
    /** The card or the auth session has had its refused bindings for now. */
    static final String ATTEMPTS_EXHAUSTED = "ecpa_binding_attempts_exhausted";
    static final String TRY_LATER = "ecpa.binding.tryLater";
    static final String PERSONNEL_DATABASE_UNREACHABLE = "ecpa_personnel_database_unreachable";
    static final String PERSONNEL_DATABASE_UNREACHABLE_MESSAGE = "ecpa.binding.personnelDatabaseUnreachable";

    private final KeycloakSession session;
    private final BindingPages pages = new BindingPages();

    CertificateBindingAuthenticator(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (context.getUser() != null) {
            // The certificate is bound already (the PIN was all it took), or this was a password login.
            context.success();
            return;
        }
        if (verifiedCertificate(context).isEmpty()) {
            context.getEvent().error(NO_VERIFIED_CERTIFICATE);
            context.failure(AuthenticationFlowError.INTERNAL_ERROR);
            return;
        }
        context.challenge(pages.binding(context, null, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<X509Certificate> certificate = verifiedCertificate(context);
        if (certificate.isEmpty()) {
            context.getEvent().error(NO_VERIFIED_CERTIFICATE);
            context.failure(AuthenticationFlowError.INTERNAL_ERROR);
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        VerifiedCertificateNotes.describe(context.getEvent(), certificate.get());
        if (form.containsKey(BindingPages.BACK_FIELD)) {
            context.challenge(pages.binding(context, null, null));
            return;
        }
        String typed = Optional.ofNullable(form.getFirst(BindingPages.ACCOUNT_FIELD)).map(String::strip).orElse("");
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        context.getEvent().detail(Details.USERNAME, PersonnelAccounts.forEvents(typed));
        BindingConfig config = BindingConfig.read(context.getAuthenticatorConfig());
        BindingAttempts attempts = new BindingAttempts(session.singleUseObjects(), context.getRealm(),
                CardFingerprint.of(certificate.get()), config.maxFailures(), config.failureWindow());
        if (attempts.exhausted(authSession)) {
            authSession.removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
            context.getEvent().detail(Details.REASON, "binding refusals of this card or auth session used up").error(ATTEMPTS_EXHAUSTED);
            context.forceChallenge(pages.binding(context, new FormMessage(BindingPages.ACCOUNT_FIELD, TRY_LATER), null));
            return;
        }
        if (typed.isEmpty()) {
            context.getEvent().detail(Details.REASON, "nothing typed").error(Errors.INVALID_INPUT);
            context.challenge(pages.binding(context, new FormMessage(BindingPages.ACCOUNT_FIELD, "ecpa.binding.accountMissing"), null));
            return;
        }

        String asId = NationalId.normalise(typed);
        if (NationalId.looksLikeNationalId(asId) && !NationalId.isValid(asId)) {
            context.getEvent().error(BAD_NATIONAL_ID);
            context.failureChallenge(AuthenticationFlowError.INVALID_USER,
                    pages.binding(context, new FormMessage(BindingPages.ACCOUNT_FIELD, "ecpa.binding.badNationalId"), typed));
            return;
        }
        PersonnelLookup lookup = new PersonnelLookup(session, context.getRealm());
        Optional<UserModel> found = lookup.byAccountOrNationalId(typed);
        Optional<NationalId> nationalId = found.flatMap(person -> PersonnelRecord.of(person).nationalId());
        if (found.isEmpty() && lookup.personnelDatabaseUnreachable()) {
            // Someone not imported yet whose personnel database did not answer: the service failed, not the
            // person; nothing counted, nothing written, and the page says why instead of "not on record".
            authSession.removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
            context.getEvent().detail(Details.REASON, "personnel database unreachable").error(PERSONNEL_DATABASE_UNREACHABLE);
            context.challenge(pages.binding(context, new FormMessage(null, PERSONNEL_DATABASE_UNREACHABLE_MESSAGE), typed));
            return;
        }
        if (found.isEmpty() || nationalId.isEmpty()) {
            authSession.removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
            attempts.failed(authSession);
            context.getEvent().error(Errors.USER_NOT_FOUND);
            context.failureChallenge(AuthenticationFlowError.INVALID_USER,
                    pages.binding(context, new FormMessage(BindingPages.ACCOUNT_FIELD, "ecpa.binding.notInPersonnelDatabase"), typed));
            return;
        }
        UserModel user = found.get();
        authSession.setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, user.getUsername());
        context.getEvent().user(user);

        Optional<LoginGate.Refusal> refusal = LoginGate.check(context, user, LoginGate.Expected.PERSON);
        if (refusal.isPresent()) {
            // The account typed is only a claim until the holder check: every refusal counts, on the card too.
            attempts.failed(authSession);
            LoginGate.refuse(context, refusal.get(), LoginGate.Proof.CLAIMED, pages.binding(context,
                    new FormMessage(BindingPages.ACCOUNT_FIELD, refusal.get().messageKey()), typed));
            return;
        }
        CertificateProfile profile;
        try {
            profile = CertificateProfile.of(certificate.get());
        } catch (CertificateProfileException e) {
            context.getEvent().error(NO_VERIFIED_CERTIFICATE);
            context.failure(AuthenticationFlowError.INTERNAL_ERROR);
            return;
        }
        CardBinding.Outcome outcome = new CardBinding(session, new BoundCertificates(session, context.getRealm()), config)
                .bind(user, profile, certificate.get(), Instant.now());
        if (outcome.bound()) {
            bound(context, user, certificate.get(), attempts);
            return;
        }
        if (outcome.refusedAttempt()) {
            attempts.failed(authSession);
        }
        context.getEvent().error(outcome.eventError().orElseThrow());
        switch (outcome) {
            case HOLDER_MISMATCH, HOLDER_UNKNOWN_CERTIFICATE -> context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                    pages.verificationFailed(context, "ecpa.binding.holderMismatch"));
            case BOUND_TO_ANOTHER -> {
                // The card's, not the person's: nothing counts on the person typed.
                authSession.removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
                context.failureChallenge(AuthenticationFlowError.USER_CONFLICT,
                        pages.binding(context, new FormMessage(null, "ecpa.binding.boundToAnother"), typed));
            }
            case NOT_ON_RECORD -> context.failureChallenge(AuthenticationFlowError.INVALID_USER,
                    pages.binding(context, new FormMessage(BindingPages.ACCOUNT_FIELD, "ecpa.binding.notInPersonnelDatabase"), typed));
            default -> {
                // The service or the setup failed, not the person (said in the event): nothing counted, nothing bound.
                authSession.removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
                context.challenge(pages.binding(context, new FormMessage(null, "ecpa.binding.holderServiceUnavailable"), typed));
            }
        }
    }

    private void bound(AuthenticationFlowContext context, UserModel user, X509Certificate certificate, BindingAttempts attempts) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        attempts.succeeded(authSession);
        FirstLoginPassword.requireIfMissing(user);
        authSession.removeAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        context.getEvent().detail("certificate_bound", "true");
        // The binding is recorded when it happens, as 自然人憑證上傳 records it: the LOGIN event comes only once
        // the required actions are done (the first login's password page), in a later request.
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(user)
                .detail(Details.CREDENTIAL_TYPE, BoundCertificateCredentialModel.TYPE).success();
        CertificateLogin.boundCardLoggedIn(context, user, certificate);
        context.success();
    }

    private static Optional<X509Certificate> verifiedCertificate(AuthenticationFlowContext context) {
        return VerifiedCertificateNotes.verified(context.getAuthenticationSession());
    }
}

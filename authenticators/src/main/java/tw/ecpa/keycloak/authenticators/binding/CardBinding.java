package tw.ecpa.keycloak.authenticators.binding;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.model.PersonnelRecord;
import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.core.certificate.CertificateProfile;
import tw.ecpa.keycloak.holder.HolderCheckRequest;
import tw.ecpa.keycloak.holder.HolderVerifiers;

/**
 * Binding a verified citizen card to a person, the one way both pages that bind do it (the first
 * certificate login's 自然人憑證身分驗證 and 自然人憑證上傳): a card already someone's stays theirs; the
 * person must be on record with a national ID; the holder check must be strong enough to stand alone
 * ({@link BindingConfig#tooWeak()}) and must say the card's holder is that person; only then is the card
 * bound, through the card-binding table, whose key decides which of two people binding one card at the
 * same moment gets it. Each outcome has one event error; the page it is shown on picks its message.
 */
public final class CardBinding {

    /** What a binding came to. */
    public enum Outcome {
        /** The card is now the person's. */
        BOUND(null, false),
        /** The card already was the person's: nothing to do. */
        ALREADY_THEIRS(null, false),
        BOUND_TO_ANOTHER("ecpa_certificate_bound_to_another", true),
        /** The person has no national ID on record, so no holder check can prove the card is theirs. */
        NOT_ON_RECORD(Errors.USER_NOT_FOUND, true),
        /** An operator's configuration error (the holder check is {@code certificate-suffix} alone), nobody's attempt. */
        HOLDER_CHECK_TOO_WEAK("ecpa_holder_check_too_weak", false),
        HOLDER_MISMATCH("ecpa_holder_mismatch", true),
        HOLDER_UNKNOWN_CERTIFICATE("ecpa_holder_unknown_certificate", true),
        /** Nobody's fault but the holder service's. */
        HOLDER_UNAVAILABLE("ecpa_holder_unavailable", false);

        private final String eventError;
        private final boolean refusedAttempt;

        Outcome(String eventError, boolean refusedAttempt) {
            this.eventError = eventError;
            this.refusedAttempt = refusedAttempt;
        }

        public boolean bound() {
            return this == BOUND || this == ALREADY_THEIRS;
        }

        /** The event error of a binding that did not happen; empty once the card is the person's. */
        public Optional<String> eventError() {
            return Optional.ofNullable(eventError);
        }

        /** Whether it refused what someone tried (and counts against the card), rather than failing for the service or the setup. */
        public boolean refusedAttempt() {
            return refusedAttempt;
        }
    }

    private final KeycloakSession session;
    private final BoundCertificates bindings;
    private final BindingConfig config;

    public CardBinding(KeycloakSession session, BoundCertificates bindings, BindingConfig config) {
        this.session = session;
        this.bindings = bindings;
        this.config = config;
    }

    /** Binds {@code certificate} (a verified citizen card, of {@code profile}) to {@code person} if the holder check says it is theirs. */
    public Outcome bind(UserModel person, CertificateProfile profile, X509Certificate certificate, Instant now) {
        Optional<UserModel> holder = bindings.holderOf(certificate);
        if (holder.isPresent()) {
            return holder.get().getId().equals(person.getId()) ? Outcome.ALREADY_THEIRS : Outcome.BOUND_TO_ANOTHER;
        }
        Optional<NationalId> nationalId = PersonnelRecord.of(person).nationalId();
        if (nationalId.isEmpty()) {
            return Outcome.NOT_ON_RECORD;
        }
        if (config.tooWeak()) {
            return Outcome.HOLDER_CHECK_TOO_WEAK;
        }
        return switch (new HolderVerifiers(config.holderVerifiers())
                .check(session, new HolderCheckRequest(profile, nationalId.get()), config.all())) {
            case MATCH -> bindings.bind(person, certificate, now) == BoundCertificates.Outcome.BOUND_TO_ANOTHER
                    ? Outcome.BOUND_TO_ANOTHER : Outcome.BOUND;
            case MISMATCH -> Outcome.HOLDER_MISMATCH;
            case UNKNOWN_CERTIFICATE -> Outcome.HOLDER_UNKNOWN_CERTIFICATE;
            case UNAVAILABLE -> Outcome.HOLDER_UNAVAILABLE;
        };
    }
}

package tw.ecpa.keycloak.authenticators.certificate;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/** Asks a certificate's OCSP responder, and says until when its answer holds. */
interface OcspQuery {

    OcspAnswer answer(X509Certificate certificate, X509Certificate issuer);

    /** Whether the certificate names an OCSP responder to ask at all. */
    default boolean names(X509Certificate certificate) {
        return true;
    }

    /**
     * The responder's answer and the nextUpdate of that answer (empty: the response has none, which in
     * RFC 6960 means newer information is available at any time).
     */
    record OcspAnswer(RevocationStatus status, Optional<Instant> nextUpdate) {

        static final OcspAnswer NONE = new OcspAnswer(RevocationStatus.UNAVAILABLE, Optional.empty());
    }
}

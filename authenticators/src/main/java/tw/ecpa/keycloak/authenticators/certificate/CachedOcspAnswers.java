package tw.ecpa.keycloak.authenticators.certificate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * OCSP answers kept for a while, so that a card's next login does not ask the responder again (Keycloak
 * keeps CRLs itself, in its CRL cache). Kept in Keycloak's {@link SingleUseObjectProvider}: a key-value
 * store with a lifespan that every node of the cluster shares, so no node keeps state of its own and a
 * revoked answer seen by one node holds on all of them. Keyed by the certificate's identity (its issuing
 * CA and serial number). Only real answers (good, revoked) are kept; "no answer" is asked again next time.
 *
 * <p>An answer is kept no longer than the responder vouches for it: until its nextUpdate, and at most the
 * configured maximum age (itself at most a day, see {@link CertificateLoginConfig}). An answer whose
 * nextUpdate has come (Keycloak accepts one within its 15-minute clock skew) is used once and not kept.
 * An answer without nextUpdate is kept for the configured maximum age: RFC 6960 reads a missing
 * nextUpdate as "newer information any time", and the operator's maximum age is how long a revocation may
 * take to reach a login here whatever the responder says.
 */
final class CachedOcspAnswers implements RevocationSource {

    private static final String KEY_PREFIX = "ecpa.ocsp.";
    private static final String STATUS = "status";

    private final OcspQuery responder;
    private final SingleUseObjectProvider store;
    private final Duration maxAge;
    private final Clock clock;

    CachedOcspAnswers(OcspQuery responder, SingleUseObjectProvider store, Duration maxAge, Clock clock) {
        this.responder = responder;
        this.store = store;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public boolean names(X509Certificate certificate) {
        return responder.names(certificate);
    }

    @Override
    public RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        if (maxAge.isZero()) {
            return responder.answer(certificate, issuer).status();
        }
        String key = key(certificate, issuer);
        Map<String, String> kept = store.get(key);
        if (kept != null && kept.get(STATUS) != null) {
            return RevocationStatus.valueOf(kept.get(STATUS));
        }
        OcspQuery.OcspAnswer answer = responder.answer(certificate, issuer);
        long lifespan = lifespanSeconds(answer);
        if (answer.status() != RevocationStatus.UNAVAILABLE && lifespan > 0) {
            store.put(key, lifespan, Map.of(STATUS, answer.status().name()));
        }
        return answer.status();
    }

    /** The configured maximum age, shortened to the answer's nextUpdate; whole seconds, rounded down. */
    private long lifespanSeconds(OcspQuery.OcspAnswer answer) {
        Instant now = clock.instant();
        Duration untilNextUpdate = answer.nextUpdate().map(next -> Duration.between(now, next)).orElse(maxAge);
        return (untilNextUpdate.compareTo(maxAge) < 0 ? untilNextUpdate : maxAge).toSeconds();
    }

    static String key(X509Certificate certificate, X509Certificate issuer) {
        try {
            byte[] issuerHash = MessageDigest.getInstance("SHA-256").digest(issuer.getEncoded());
            return KEY_PREFIX + HexFormat.of().formatHex(issuerHash) + "." + certificate.getSerialNumber().toString(16);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

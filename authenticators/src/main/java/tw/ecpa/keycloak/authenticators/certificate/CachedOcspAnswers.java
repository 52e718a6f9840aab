package tw.ecpa.keycloak.authenticators.certificate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
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
 * <p>The lifespan is the configured maximum age alone: Keycloak's {@code OCSPProvider} checks the
 * response's thisUpdate / nextUpdate window but does not hand nextUpdate out, so it cannot shorten it.
 */
final class CachedOcspAnswers implements RevocationSource {

    private static final String KEY_PREFIX = "ecpa.ocsp.";
    private static final String STATUS = "status";

    private final RevocationSource responder;
    private final SingleUseObjectProvider store;
    private final Duration maxAge;

    CachedOcspAnswers(RevocationSource responder, SingleUseObjectProvider store, Duration maxAge) {
        this.responder = responder;
        this.store = store;
        this.maxAge = maxAge;
    }

    @Override
    public RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        if (maxAge.isZero()) {
            return responder.status(certificate, issuer);
        }
        String key = key(certificate, issuer);
        Map<String, String> kept = store.get(key);
        if (kept != null && kept.get(STATUS) != null) {
            return RevocationStatus.valueOf(kept.get(STATUS));
        }
        RevocationStatus answer = responder.status(certificate, issuer);
        if (answer != RevocationStatus.UNAVAILABLE) {
            store.put(key, maxAge.toSeconds(), Map.of(STATUS, answer.name()));
        }
        return answer;
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

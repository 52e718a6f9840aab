package tw.ecpa.keycloak.authenticators.certificate;

import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;

import org.keycloak.common.crypto.CryptoIntegration;
import org.keycloak.models.KeycloakSession;
import org.keycloak.utils.OCSPProvider;

/**
 * The certificate's OCSP responder (from its AIA extension) through Keycloak's own {@link OCSPProvider}:
 * the request goes out with the server's {@code HttpClientProvider}, carries a nonce, and the response
 * must be signed by the issuing CA or a responder it delegated to. An "unknown" answer is no answer.
 */
final class OcspRevocationSource implements RevocationSource {

    private final KeycloakSession session;

    OcspRevocationSource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        try {
            OCSPProvider ocsp = CryptoIntegration.getProvider().getOCSPProver(OCSPProvider.class);
            OCSPProvider.OCSPRevocationStatus answer = ocsp.check(session, certificate, issuer);
            if (answer == null) {
                return RevocationStatus.UNAVAILABLE;
            }
            return switch (answer.getRevocationStatus()) {
                case GOOD -> RevocationStatus.GOOD;
                case REVOKED -> RevocationStatus.REVOKED;
                default -> RevocationStatus.UNAVAILABLE;
            };
        } catch (CertPathValidatorException | RuntimeException e) {
            return RevocationStatus.UNAVAILABLE;
        }
    }
}

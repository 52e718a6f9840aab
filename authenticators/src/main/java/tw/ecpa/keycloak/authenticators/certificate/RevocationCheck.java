package tw.ecpa.keycloak.authenticators.certificate;

import java.security.cert.X509Certificate;

/**
 * The revocation step: asks the sources the mode names, and any "revoked" wins. When a source gives no
 * answer the check fails closed unless the operator chose to fail open; the caller records which.
 */
final class RevocationCheck {

    private final RevocationMode mode;
    private final RevocationSource crl;
    private final RevocationSource ocsp;

    RevocationCheck(RevocationMode mode, RevocationSource crl, RevocationSource ocsp) {
        this.mode = mode;
        this.crl = crl;
        this.ocsp = ocsp;
    }

    RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        RevocationStatus overall = RevocationStatus.GOOD;
        if (mode.asksCrl()) {
            RevocationStatus status = crl.status(certificate, issuer);
            if (status == RevocationStatus.REVOKED) {
                return status;
            }
            overall = worse(overall, status);
        }
        if (mode.asksOcsp()) {
            RevocationStatus status = ocsp.status(certificate, issuer);
            if (status == RevocationStatus.REVOKED) {
                return status;
            }
            overall = worse(overall, status);
        }
        return overall;
    }

    private static RevocationStatus worse(RevocationStatus a, RevocationStatus b) {
        return a == RevocationStatus.UNAVAILABLE || b == RevocationStatus.UNAVAILABLE ? RevocationStatus.UNAVAILABLE : RevocationStatus.GOOD;
    }
}

package tw.ecpa.keycloak.authenticators.certificate;

import java.security.cert.X509Certificate;
import java.util.Optional;

import tw.ecpa.keycloak.core.certificate.CertificateProfile;

/** The outcome of checking one card answer. */
sealed interface Verification {

    /** Every check passed; {@code revocationUnchecked} when a source was down and the operator chose to fail open. */
    record Verified(X509Certificate certificate, CertificateProfile profile, boolean revocationUnchecked) implements Verification {
    }

    /** A check failed; the certificate, once known, goes into the event (issuer and serial only). */
    record Failed(VerificationFailure failure, Optional<X509Certificate> certificate) implements Verification {
    }
}

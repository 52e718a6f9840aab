package tw.ecpa.keycloak.authenticators.certificate;

import java.security.cert.X509Certificate;

import io.micrometer.core.instrument.Timer;

import tw.ecpa.keycloak.model.EcpaMetrics;

/**
 * A revocation source whose every answer is timed and counted by kind ({@code crl}, {@code ocsp}) and
 * answer ({@link EcpaMetrics#REVOCATION_CHECKS}): the wait a login had for it, answers kept in Keycloak's
 * CRL cache or in {@link CachedOcspAnswers} included. A run of "unavailable" is a source that is down or
 * slower than the step's timeout, before the logins it refuses show it.
 */
final class MeasuredRevocationSource implements RevocationSource {

    static final String CRL = "crl";
    static final String OCSP = "ocsp";

    private final RevocationSource source;
    private final String kind;
    private final EcpaMetrics metrics;

    MeasuredRevocationSource(RevocationSource source, String kind, EcpaMetrics metrics) {
        this.source = source;
        this.kind = kind;
        this.metrics = metrics;
    }

    @Override
    public RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        Timer.Sample sample = metrics.start();
        RevocationStatus status = RevocationStatus.UNAVAILABLE;
        try {
            status = source.status(certificate, issuer);
            return status;
        } finally {
            metrics.revocationChecked(sample, kind, status);
        }
    }

    @Override
    public boolean names(X509Certificate certificate) {
        return source.names(certificate);
    }
}

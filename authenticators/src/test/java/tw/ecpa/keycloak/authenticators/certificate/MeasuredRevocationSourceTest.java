package tw.ecpa.keycloak.authenticators.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tw.ecpa.keycloak.model.EcpaMetrics;

/** Each answer of a revocation source moves its own timer; the answer itself is passed on unchanged. */
class MeasuredRevocationSourceTest {

    private static final TestCards PKI = new TestCards();
    private static final X509Certificate MOICA = PKI.moica.certificate();
    private static final X509Certificate CARD = PKI.citizen().certificate();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EcpaMetrics metrics = new EcpaMetrics(registry);

    @ParameterizedTest
    @EnumSource(RevocationStatus.class)
    void anAnswerIsCountedUnderItsSourceAndOutcome(RevocationStatus answer) {
        RevocationSource ocsp = new MeasuredRevocationSource((certificate, issuer) -> answer, MeasuredRevocationSource.OCSP, metrics);

        assertThat(ocsp.status(CARD, MOICA)).isEqualTo(answer);
        assertThat(registry.get(EcpaMetrics.REVOCATION_CHECKS)
                .tags("source", "ocsp", "outcome", answer.name().toLowerCase()).timer().count()).isEqualTo(1);
        assertThat(registry.find(EcpaMetrics.REVOCATION_CHECKS).tags("source", "crl").timer()).isNull();
    }

    @Test
    void aSlowSourceShowsInTheTime() {
        RevocationSource crl = new MeasuredRevocationSource((certificate, issuer) -> {
            sleep(120);
            return RevocationStatus.UNAVAILABLE;
        }, MeasuredRevocationSource.CRL, metrics);

        crl.status(CARD, MOICA);

        assertThat(registry.get(EcpaMetrics.REVOCATION_CHECKS).tags("source", "crl", "outcome", "unavailable").timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aSourceThatThrowsCountsAsUnavailable() {
        RevocationSource crl = new MeasuredRevocationSource((certificate, issuer) -> {
            throw new IllegalStateException("broken CRL cache");
        }, MeasuredRevocationSource.CRL, metrics);

        assertThatThrownBy(() -> crl.status(CARD, MOICA)).isInstanceOf(IllegalStateException.class);
        assertThat(registry.get(EcpaMetrics.REVOCATION_CHECKS).tags("source", "crl", "outcome", "unavailable").timer().count())
                .isEqualTo(1);
    }

    @Test
    void whichCertificatesNameTheSourceIsTheSourcesOwnSayAndNotTimed() {
        RevocationSource naming = new RevocationSource() {
            @Override
            public RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
                return RevocationStatus.GOOD;
            }

            @Override
            public boolean names(X509Certificate certificate) {
                return certificate.equals(CARD);
            }
        };
        RevocationSource measured = new MeasuredRevocationSource(naming, MeasuredRevocationSource.OCSP, metrics);

        assertThat(List.of(measured.names(CARD), measured.names(MOICA))).containsExactly(true, false);
        assertThat(registry.find(EcpaMetrics.REVOCATION_CHECKS).timers()).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

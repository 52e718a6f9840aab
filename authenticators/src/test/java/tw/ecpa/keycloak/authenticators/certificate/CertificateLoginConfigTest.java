package tw.ecpa.keycloak.authenticators.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class CertificateLoginConfigTest {

    private static AuthenticatorConfigModel model(Map<String, String> config) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(config);
        return model;
    }

    @Test
    void givenNoConfigurationThenTheDefaultsFailClosed() {
        CertificateLoginConfig config = CertificateLoginConfig.read(null);

        assertThat(config.revocationMode()).isEqualTo(RevocationMode.BOTH);
        assertThat(config.revocationFailOpen()).isFalse();
        assertThat(config.nonceLifetime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.componentUrl()).isEqualTo("http://localhost:61161");
        assertThat(config.trustAnchorsPem()).isEmpty();
        assertThat(config.citizenPolicies()).isEmpty();
        assertThat(config.agencyPolicies()).isEmpty();
    }

    @Test
    void givenTheAdminConsolesValuesThenTheyAreRead() {
        CertificateLoginConfig config = CertificateLoginConfig.read(model(Map.of(
                CertificateLoginConfig.REVOCATION_MODE, "ocsp",
                CertificateLoginConfig.REVOCATION_FAIL_OPEN, "true",
                CertificateLoginConfig.NONCE_LIFETIME_SECONDS, "30",
                CertificateLoginConfig.COMPONENT_URL, "http://127.0.0.1:5000/",
                CertificateLoginConfig.CITIZEN_POLICIES, "2.16.886.101.0.3.1##2.16.886.101.0.3.2",
                CertificateLoginConfig.AGENCY_POLICIES, "2.16.886.101.0.3.3, not-an-oid")));

        assertThat(config.revocationMode()).isEqualTo(RevocationMode.OCSP);
        assertThat(config.revocationFailOpen()).isTrue();
        assertThat(config.nonceLifetime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.componentUrl()).isEqualTo("http://127.0.0.1:5000");
        assertThat(config.citizenPolicies()).containsExactlyInAnyOrder("2.16.886.101.0.3.1", "2.16.886.101.0.3.2");
        assertThat(config.agencyPolicies()).containsExactly("2.16.886.101.0.3.3");
    }

    @Test
    void givenANonsenseLifetimeThenTheDefaultHolds() {
        assertThat(CertificateLoginConfig.read(model(Map.of(CertificateLoginConfig.NONCE_LIFETIME_SECONDS, "-5"))).nonceLifetime())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void givenAnOcspCacheLongerThanADayThenADayIsTheMost() {
        assertThat(CertificateLoginConfig.read(model(Map.of(CertificateLoginConfig.OCSP_CACHE_SECONDS, "604800"))).ocspCacheMaxAge())
                .isEqualTo(Duration.ofDays(1));
        assertThat(CertificateLoginConfig.read(model(Map.of(CertificateLoginConfig.OCSP_CACHE_SECONDS, "3600"))).ocspCacheMaxAge())
                .isEqualTo(Duration.ofHours(1));
        assertThat(CertificateLoginConfig.read(null).ocspCacheMaxAge()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void givenARevocationTimeoutThenItBoundsEachDownloadAndNonsenseIsTheDefault() {
        assertThat(CertificateLoginConfig.read(null).revocationTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(CertificateLoginConfig.read(model(Map.of(CertificateLoginConfig.REVOCATION_TIMEOUT_MILLIS, "1500"))).revocationTimeout())
                .isEqualTo(Duration.ofMillis(1500));
        for (String nonsense : new String[] {"0", "-1", "600000", "soon"}) {
            assertThat(CertificateLoginConfig.read(model(Map.of(CertificateLoginConfig.REVOCATION_TIMEOUT_MILLIS, nonsense))).revocationTimeout())
                    .as(nonsense).isEqualTo(Duration.ofSeconds(3));
        }
    }
}

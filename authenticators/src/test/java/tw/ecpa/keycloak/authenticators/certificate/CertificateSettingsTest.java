package tw.ecpa.keycloak.authenticators.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

class CertificateSettingsTest {

    /** The realm's configurations by alias; the realm answers only what the settings are looked up with. */
    private final Map<String, AuthenticatorConfigModel> byAlias = new HashMap<>();
    private final RealmModel realm = (RealmModel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RealmModel.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getAuthenticatorConfigByAlias" -> byAlias.get((String) args[0]);
                case "getId" -> "realm-id";
                case "getName" -> "ecpa";
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private AuthenticatorConfigModel config(String alias, String nonceSeconds) {
        AuthenticatorConfigModel config = new AuthenticatorConfigModel();
        config.setId("id-" + alias);
        config.setAlias(alias);
        config.setConfig(Map.of(CertificateLoginConfig.NONCE_LIFETIME_SECONDS, nonceSeconds,
                CertificateLoginConfig.COMPONENT_URL, "http://" + alias.replace(' ', '-') + ":61161"));
        byAlias.put(alias, config);
        return config;
    }

    @Nested
    class GivenTheRealmsOneCertificateConfiguration {

        @Test
        void thenTheHomeStepReadsIt() {
            AuthenticatorConfigModel one = config(CertificateSettings.ALIAS, "30");

            assertThat(CertificateSettings.of(realm, one)).isSameAs(one);
        }

        @Test
        void thenTheStepUpStepReadsItAlthoughItsExecutionHasNone() {
            AuthenticatorConfigModel one = config(CertificateSettings.ALIAS, "30");

            AuthenticatorConfigModel read = CertificateSettings.of(realm, null);

            assertThat(read).isSameAs(one);
            assertThat(CertificateLoginConfig.read(read).nonceLifetime()).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void thenAStepsOwnLeftoverConfigurationIsIgnored() {
            AuthenticatorConfigModel one = config(CertificateSettings.ALIAS, "30");
            AuthenticatorConfigModel leftover = config("ecpa certificate step-up", "300");

            assertThat(CertificateSettings.of(realm, leftover)).isSameAs(one);
            assertThat(CertificateSettings.named(realm)).containsSame(one);
        }
    }

    @Nested
    class GivenARealmFromTheOlderTemplateWithoutIt {

        @Test
        void thenEachStepReadsItsOwnExecutionsConfiguration() {
            AuthenticatorConfigModel home = config("ecpa home", "60");
            AuthenticatorConfigModel stepUp = config("ecpa certificate step-up", "90");

            assertThat(CertificateSettings.named(realm)).isEmpty();
            assertThat(CertificateLoginConfig.read(CertificateSettings.of(realm, home)).nonceLifetime()).isEqualTo(Duration.ofSeconds(60));
            assertThat(CertificateLoginConfig.read(CertificateSettings.of(realm, stepUp)).componentUrl())
                    .isEqualTo("http://ecpa-certificate-step-up:61161");
        }

        @Test
        void thenAStepWithoutAnyConfigurationTrustsNothing() {
            CertificateLoginConfig read = CertificateLoginConfig.read(CertificateSettings.of(realm, null));

            assertThat(read.trustAnchorsPem()).isEmpty();
            assertThat(read.citizenPolicies()).isEmpty();
            assertThat(read.agencyPolicies()).isEmpty();
        }
    }
}

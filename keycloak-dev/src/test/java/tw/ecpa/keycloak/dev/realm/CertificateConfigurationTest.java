package tw.ecpa.keycloak.dev.realm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CertificateConfigurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) {
        return (ObjectNode) node(text);
    }

    /** JSON written with single quotes, for legibility. */
    private static JsonNode node(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Nested
    class GivenARealmFile {

        @Test
        void thenTheSettingsGoIntoTheOneCertificateConfigurationAndNowhereElse() {
            ObjectNode realm = json("{'authenticatorConfig': ["
                    + "{'alias': 'ecpa-certificate', 'config': {'ecpa.certificate.revocationMode': 'BOTH', 'ecpa.certificate.trustAnchors': ''}},"
                    + "{'alias': 'ecpa certificate binding', 'config': {'ecpa.holder.verifiers': 'http'}}]}");

            CertificateConfiguration.settings().with(CertificateConfiguration.TRUST_ANCHORS, "PEM")
                    .with(CertificateConfiguration.COMPONENT_URL, "http://localhost:1").writeInto(realm);

            JsonNode one = realm.get("authenticatorConfig").get(0).get("config");
            assertThat(one.path(CertificateConfiguration.TRUST_ANCHORS).asText()).isEqualTo("PEM");
            assertThat(one.path(CertificateConfiguration.COMPONENT_URL).asText()).isEqualTo("http://localhost:1");
            assertThat(one.path(CertificateConfiguration.REVOCATION_MODE).asText()).as("kept").isEqualTo("BOTH");
            assertThat(realm.get("authenticatorConfig").get(1).get("config").size()).isEqualTo(1);
        }

        @Test
        void thenARealmWithoutItIsRefused() {
            ObjectNode realm = json("{'authenticatorConfig': [{'alias': 'ecpa home', 'config': {}}]}");

            assertThatThrownBy(() -> CertificateConfiguration.settings().writeInto(realm))
                    .hasMessageContaining("ecpa-certificate");
        }
    }

    /** A realm's admin API in memory: one flow whose steps carry the home page's and the binding's configurations. */
    private static final class FakeAdminApi implements RealmAdminApi {
        final Map<String, JsonNode> resources = new HashMap<>();
        final Map<String, JsonNode> written = new HashMap<>();

        FakeAdminApi() {
            resources.put("/authentication/flows", node("[{'alias': 'ecpa browser'}]"));
            resources.put("/authentication/flows/ecpa%20browser/executions", node("[{'providerId': 'auth-cookie'},"
                    + "{'providerId': 'ecpa-home', 'authenticationConfig': 'c1'}, {'providerId': 'ecpa-certificate-binding', 'authenticationConfig': 'c2'}]"));
            resources.put("/authentication/config/c1", json("{'id': 'c1', 'alias': 'ecpa-certificate', 'config': {'ecpa.certificate.nonceLifetimeSeconds': '120'}}"));
            resources.put("/authentication/config/c2", json("{'id': 'c2', 'alias': 'ecpa certificate binding', 'config': {}}"));
        }

        @Override
        public JsonNode get(String path) {
            return resources.get(path).deepCopy();
        }

        @Override
        public void put(String path, JsonNode body) {
            written.put(path, body);
            resources.put(path, body);
        }
    }

    @Nested
    class GivenARunningRealm {

        @Test
        void thenTheSettingsAreMergedIntoTheOneConfigurationFoundByItsAlias() {
            FakeAdminApi admin = new FakeAdminApi();

            Map<String, String> before = CertificateConfiguration.settings()
                    .with(CertificateConfiguration.NONCE_LIFETIME_SECONDS, "30")
                    .with(CertificateConfiguration.TRUST_ANCHORS, "PEM").writeThrough(admin);

            assertThat(before).containsExactly(Map.entry(CertificateConfiguration.NONCE_LIFETIME_SECONDS, "120"));
            assertThat(admin.written).containsOnlyKeys("/authentication/config/c1");
            JsonNode written = admin.written.get("/authentication/config/c1");
            assertThat(written.path("alias").asText()).isEqualTo("ecpa-certificate");
            assertThat(written.path("config").path(CertificateConfiguration.NONCE_LIFETIME_SECONDS).asText()).isEqualTo("30");
            assertThat(written.path("config").path(CertificateConfiguration.TRUST_ANCHORS).asText()).isEqualTo("PEM");
        }

        @Test
        void thenPuttingBackRestoresExactlyTheSettingsThatWereThere() {
            FakeAdminApi admin = new FakeAdminApi();
            Map<String, String> before = CertificateConfiguration.settings().with(CertificateConfiguration.TRUST_ANCHORS, "PEM").writeThrough(admin);

            CertificateConfiguration.putBack(admin, before);

            JsonNode config = admin.get("/authentication/config/c1").path("config");
            assertThat(config.size()).isEqualTo(1);
            assertThat(config.path(CertificateConfiguration.NONCE_LIFETIME_SECONDS).asText()).isEqualTo("120");
        }
    }
}

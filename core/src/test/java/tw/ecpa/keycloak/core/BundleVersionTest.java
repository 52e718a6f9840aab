package tw.ecpa.keycloak.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BundleVersionTest {

    @Test
    void theBuildWroteTheProjectVersion() {
        assertThat(BundleVersion.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?").doesNotContain("${");
    }

    @Test
    void theServerInfoNamesIt() {
        assertThat(BundleVersion.operationalInfo()).containsExactly(java.util.Map.entry("version", BundleVersion.version()));
    }
}

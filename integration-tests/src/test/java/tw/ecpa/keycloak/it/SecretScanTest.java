package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the run's last scan counts as a leak, and that its report never shows the secret. */
class SecretScanTest {

    private static final String ID = "A123456789";
    private static final String PASSWORD = "Login-it-9x";
    private static final String PIN = "246810";

    private final SecretScan scan = new SecretScan(Map.of(ID, RunSecrets.Kind.NATIONAL_ID, PASSWORD, RunSecrets.Kind.PASSWORD,
            PIN, RunSecrets.Kind.PIN));

    @Test
    void aNationalIdIsFoundInAnyCaseButNotMasked() {
        scan.scan("line 1", "username=a123456789 typed");
        scan.scan("line 2", "username=A1*****789");

        assertThat(scan.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(RunSecrets.Kind.NATIONAL_ID);
            assertThat(f.where()).isEqualTo("line 1");
            assertThat(f.masked()).isEqualTo("A1*****789");
        });
    }

    @Test
    void aPinIsFoundAsANumberOfItsOwnOnly() {
        scan.scan("timestamp", "took 1796224681000 ms, id 12468100");
        scan.scan("json", "{\"pin\":\"246810\"}");

        assertThat(scan.findings()).extracting(SecretScan.Finding::where).containsExactly("json");
    }

    @Test
    void aPasswordIsFoundAnywhere() {
        scan.scan("event", "{\"details\":{\"note\":\"xLogin-it-9xy\"}}");

        assertThat(scan.findings()).extracting(SecretScan.Finding::kind).containsExactly(RunSecrets.Kind.PASSWORD);
    }

    @Test
    void theReportMasksEverySecretOfTheLineAndKeepsTheRest() {
        scan.scan("line 7", "login of A123456789 with Login-it-9x and PIN 246810 refused");

        assertThat(scan.findings()).hasSize(3).allSatisfy(f -> assertThat(f.toString())
                .doesNotContain(ID).doesNotContain(PASSWORD).doesNotContain(PIN)
                .contains("line 7").contains("login of A1*****789 with L*********x and PIN 2****0 refused"));
    }
}

package tw.ecpa.keycloak.dev.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The cluster's database, for real: Debian's PostgreSQL (.ci/run installs it; without it this fails and
 * says what to install). Port 55499 is this test's own.
 */
class PrivatePostgresTest {

    private static final int PORT = 55499;

    @Test
    void givenAStartedClusterThenTheKeycloakDatabaseTakesDataKeepsItOverAnOutageAndANewStartBeginsEmpty() {
        Path directory = Path.of("target/private-postgres-test");
        try (PrivatePostgres postgres = PrivatePostgres.start(directory, PORT)) {
            assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + PORT + "/keycloak");
            postgres.query("CREATE TABLE visits (day text PRIMARY KEY, count int)");
            postgres.query("INSERT INTO visits VALUES ('today', 2)");

            postgres.stop();
            assertThat(postgres.running()).isFalse();
            assertThatThrownBy(() -> postgres.query("SELECT 1")).as("during the outage").hasMessageContaining("psql failed");

            postgres.startAgain();
            assertThat(postgres.query("SELECT day, count FROM visits")).as("after the outage").containsExactly("today|2");
        }
        try (PrivatePostgres again = PrivatePostgres.start(directory, PORT)) {
            assertThat(again.query("SELECT count(*) FROM pg_tables WHERE tablename = 'visits'")).as("a new start is a new database")
                    .containsExactly("0");
        }
    }

    @Test
    void givenAWrongPasswordThenTheServerRefusesTheConnection() throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.start(Path.of("target/private-postgres-test-auth"), PORT + 1)) {
            ProcessBuilder psql = new ProcessBuilder(PrivatePostgres.binaries().orElseThrow().resolve("psql").toString(), "-X", "-h", "127.0.0.1",
                    "-p", Integer.toString(PORT + 1), "-U", PrivatePostgres.USER, "-d", PrivatePostgres.DATABASE, "-c", "SELECT 1")
                    .redirectErrorStream(true);
            psql.environment().put("PGPASSWORD", "not-" + postgres.password());
            Process process = psql.start();
            String out = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).isNotZero();
            assertThat(out).contains("password authentication failed");
        }
    }
}

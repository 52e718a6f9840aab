package tw.ecpa.keycloak.personneldb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A login's look-up against a database that does not answer: an answer, not an error, and nothing of the ID unmasked. */
class OnLoadLookupTest {

    @Test
    void aDatabaseServerThatIsNotThereIsAnsweredAsUnreachableWithTheDriversMessageMasked() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        PersonnelDatabaseSettings settings = new PersonnelDatabaseSettings("jdbc:h2:tcp://127.0.0.1:" + freePort + "/hr", "sa", "",
                "ecpa.personnel", 500, 2, 30);
        OnLoadLookup lookup = new OnLoadLookup("c", "公務人力資料庫", OnLoadLookup.fromDatabase(settings, () -> ""),
                new RecentAnswers(Clock.systemUTC()), Duration.ofSeconds(30));

        LookupAnswer answer = lookup.lookUp("A123456789");

        assertThat(answer.kind()).isEqualTo(LookupAnswer.Kind.UNREACHABLE);
        assertThat(answer.problem()).contains("127.0.0.1:" + freePort).doesNotContain("A123456789");
        assertThat(lookup.lookUp("A123456789")).as("kept, so the next load does not wait again")
                .isEqualTo(answer.kept());
    }

    @Test
    void aMessageThatQuotesANationalIdIsMasked() {
        assertThat(PersonnelSync.masked("Value \"A123456789\" not found")).isEqualTo("Value \"A1*****789\" not found");
    }
}

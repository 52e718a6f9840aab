package tw.ecpa.keycloak.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonnelProblemTest {

    @Test
    void codesAndMessageKeysAreUnique() {
        assertThat(Arrays.stream(PersonnelProblem.values()).map(PersonnelProblem::code)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(PersonnelProblem.values()).map(PersonnelProblem::messageKey)).doesNotHaveDuplicates()
                .allMatch(k -> k.startsWith("ecpa.personnel.error."));
    }

    @Test
    void theCallerKnownButNotAllowedGets403() {
        assertThat(PersonnelProblem.NOT_AUTHORISED.status()).isEqualTo(403);
        assertThat(PersonnelProblem.PERSON_NOT_REACHABLE.status()).isEqualTo(403);
    }

    @Test
    void theBodyCarriesCodeAndMessageKeyOnly() {
        Map<String, String> body = PersonnelProblem.PERSON_DEPARTED.exception().body();
        assertThat(PersonnelProblem.PERSON_DEPARTED.status()).isEqualTo(409);
        assertThat(body).containsOnlyKeys("error", "messageKey")
                .containsEntry("error", "person-departed")
                .containsEntry("messageKey", "ecpa.personnel.error.personDeparted");
    }
}

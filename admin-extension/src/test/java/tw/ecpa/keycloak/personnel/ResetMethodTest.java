package tw.ecpa.keycloak.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ResetMethodTest {

    @Test
    void theEventsNameTheGuidesThreeWays() {
        assertThat(Arrays.stream(ResetMethod.values()).map(ResetMethod::code))
                .containsExactly("officer", "agency-certificate", "help-desk");
    }
}

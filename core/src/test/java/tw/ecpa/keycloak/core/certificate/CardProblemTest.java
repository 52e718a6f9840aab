package tw.ecpa.keycloak.core.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CardProblemTest {

    @ParameterizedTest(name = "ret_code {0}, last_error {1} → {2}")
    @CsvSource({
            "0x76100006, 0xA0, WRONG_PIN",
            "0x76100006, 0xA2, WRONG_PIN_LENGTH",
            "0x76100006, 0xA4, CARD_LOCKED",
            "0x76100006, 0x0,  OTHER",
            "0x76000006, 0x0,  NO_CARD",
            "0x76100003, 0x0,  NO_READER",
            "0x76000998, 0x0,  NO_PIN",
            "0x76000999, 0x0,  CANCELLED",
            "0x7600000D, 0x0,  COMPONENT_NOT_RUNNING",
            "0x7600000F, 0x0,  ORIGIN_REFUSED",
            "0x76300004, 0x0,  OTHER",
    })
    void givenTheComponentsCodesThenTheProblemIsTheGuidesCase(String retCode, String lastError, CardProblem expected) {
        assertThat(CardProblem.of(Long.decode(retCode), Long.decode(lastError))).contains(expected);
    }

    @Test
    void givenRetCodeZeroThenThereIsNoProblem() {
        assertThat(CardProblem.of(0, 0)).isEmpty();
    }

    @Test
    void givenAnyProblemThenItsEventErrorAndMessageKeyAreItsOwn() {
        assertThat(Arrays.stream(CardProblem.values()).map(CardProblem::eventError).distinct()).hasSize(CardProblem.values().length);
        assertThat(Arrays.stream(CardProblem.values()).map(CardProblem::messageKey).distinct()).hasSize(CardProblem.values().length);
    }

    @Test
    void givenACodeThenHexPrintsItAsIntegrationsDo() {
        assertThat(CardProblem.hex(0x76000006L)).isEqualTo("0x76000006");
    }
}

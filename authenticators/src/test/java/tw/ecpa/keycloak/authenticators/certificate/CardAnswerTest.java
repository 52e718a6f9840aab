package tw.ecpa.keycloak.authenticators.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardAnswerTest {

    @Test
    void givenAnErrorAnswerThenItKeepsTheCodes() {
        CardAnswer answer = CardAnswer.parse("{\"func\":\"sign\",\"ret_code\":1980760070,\"last_error\":160,\"version\":\"1.3.4.103\"}").orElseThrow();

        assertThat(answer.retCode()).isEqualTo(0x76100006L);
        assertThat(answer.lastError()).isEqualTo(0xA0L);
        assertThat(answer.signature()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "{\"ret_code\":\"zero\"}", "{}", "{\"ret_code\":0,\"signature\":\"***\"}"})
    void givenSomethingElseThenItIsNoAnswer(String text) {
        assertThat(CardAnswer.parse(text)).isEmpty();
    }

    @Test
    void givenMoreThanTheComponentsLimitThenItIsNoAnswer() {
        assertThat(CardAnswer.parse("{\"ret_code\":0,\"x\":\"" + "a".repeat(CardAnswer.MAX_LENGTH) + "\"}")).isEmpty();
    }
}

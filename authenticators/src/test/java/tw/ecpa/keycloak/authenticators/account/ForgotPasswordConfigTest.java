package tw.ecpa.keycloak.authenticators.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.AuthenticatorConfigModel;

class ForgotPasswordConfigTest {

    private static AuthenticatorConfigModel config(String coolDown) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(coolDown == null ? Map.of() : Map.of(ForgotPasswordConfig.COOL_DOWN_SECONDS, coolDown));
        return model;
    }

    @Test
    void withoutConfigurationOneMailPerFiveMinutes() {
        assertThat(ForgotPasswordConfig.read(null).coolDown()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theOperatorsCoolDownIsUsed() {
        assertThat(ForgotPasswordConfig.read(config(" 900 ")).coolDown()).isEqualTo(Duration.ofSeconds(900));
        assertThat(ForgotPasswordConfig.read(config("0")).coolDown()).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "-1", "five", "12345678", "1.5"})
    void anUnusableValueFallsBackToTheDefault(String value) {
        assertThat(ForgotPasswordConfig.read(config(value)).coolDown()).isEqualTo(ForgotPasswordConfig.DEFAULT_COOL_DOWN);
    }
}

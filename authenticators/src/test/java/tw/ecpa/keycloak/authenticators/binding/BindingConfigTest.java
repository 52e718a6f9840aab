package tw.ecpa.keycloak.authenticators.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.AuthenticatorConfigModel;

class BindingConfigTest {

    @ParameterizedTest(name = "holder verifiers \"{0}\": too weak {1}")
    @CsvSource(delimiter = '|', value = {
            "certificate-suffix|true",
            "certificate-suffix##certificate-suffix|true",
            "certificate-suffix##http|false",
            "http|false",
            "http, certificate-suffix|false",
            "''|false"
    })
    void theFourDigitSuffixAloneIsTooWeakToBindACard(String verifiers, boolean tooWeak) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(Map.of(BindingConfig.HOLDER_VERIFIERS, verifiers));

        assertThat(BindingConfig.read(model).tooWeak()).isEqualTo(tooWeak);
    }

    @ParameterizedTest(name = "max \"{0}\", window \"{1}\" → {2} in {3} s")
    @CsvSource(delimiter = '|', value = {
            "''|''|5|900",
            "3|60|3|60",
            "0|-5|5|900",
            "lots|15m|5|900",
            " 10 | 1 |10|1"
    })
    void bindingRefusalsAreLimitedBy5In15MinutesUnlessSetOtherwise(String max, String window, int expectedMax, long expectedSeconds) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        Map<String, String> config = new HashMap<>();
        config.put(BindingConfig.MAX_FAILURES, max);
        config.put(BindingConfig.FAILURE_WINDOW_SECONDS, window);
        model.setConfig(config);

        BindingConfig read = BindingConfig.read(model);

        assertThat(read.maxFailures()).isEqualTo(expectedMax);
        assertThat(read.failureWindow()).isEqualTo(Duration.ofSeconds(expectedSeconds));
    }
}

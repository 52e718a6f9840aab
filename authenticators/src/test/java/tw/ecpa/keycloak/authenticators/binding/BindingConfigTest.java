package tw.ecpa.keycloak.authenticators.binding;

import static org.assertj.core.api.Assertions.assertThat;

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
}

package tw.ecpa.keycloak.authenticators.account;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.AuthenticatorConfigModel;

/** 忘記密碼's settings with an explicit default: one reset mail per person every five minutes. */
record ForgotPasswordConfig(Duration coolDown) {

    static final String COOL_DOWN_SECONDS = "ecpa.forgot.coolDownSeconds";
    static final Duration DEFAULT_COOL_DOWN = Duration.ofMinutes(5);

    static ForgotPasswordConfig read(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new ForgotPasswordConfig(Optional.ofNullable(config.get(COOL_DOWN_SECONDS)).map(String::strip)
                .filter(s -> s.matches("[0-9]{1,7}")).map(Long::parseLong).map(Duration::ofSeconds).orElse(DEFAULT_COOL_DOWN));
    }
}

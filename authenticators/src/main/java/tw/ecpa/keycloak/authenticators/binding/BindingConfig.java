package tw.ecpa.keycloak.authenticators.binding;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;

/**
 * The binding step's settings: which holder verifiers prove the typed ID, in order (default: the
 * {@code http} service alone), and the verifiers' own settings, passed to them as they are.
 */
record BindingConfig(List<String> holderVerifiers, Map<String, String> all) {

    static final String HOLDER_VERIFIERS = "ecpa.holder.verifiers";
    static final List<String> DEFAULT_HOLDER_VERIFIERS = List.of("http");

    static BindingConfig read(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : Map.copyOf(model.getConfig());
        String value = config.get(HOLDER_VERIFIERS);
        List<String> verifiers = value == null || value.isBlank() ? DEFAULT_HOLDER_VERIFIERS
                : Arrays.stream(value.split("##|[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        return new BindingConfig(verifiers, config);
    }
}

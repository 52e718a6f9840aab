package tw.ecpa.keycloak.authenticators.binding;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.AuthenticatorConfigModel;

import tw.ecpa.keycloak.holder.CertificateSuffixHolderVerifierFactory;

/**
 * The binding step's settings: which holder verifiers prove the typed ID, in order (default: the
 * {@code http} service alone), and the verifiers' own settings, passed to them as they are; how many
 * refused bindings a card (and an auth session) may have within a window before every answer is "try
 * later" ({@link BindingAttempts}; default 5 in 15 minutes).
 */
public record BindingConfig(List<String> holderVerifiers, Map<String, String> all, int maxFailures, Duration failureWindow) {

    public static final String HOLDER_VERIFIERS = "ecpa.holder.verifiers";
    public static final List<String> DEFAULT_HOLDER_VERIFIERS = List.of("http");
    public static final String MAX_FAILURES = "ecpa.binding.maxFailures";
    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final String FAILURE_WINDOW_SECONDS = "ecpa.binding.failureWindowSeconds";
    public static final Duration DEFAULT_FAILURE_WINDOW = Duration.ofMinutes(15);

    /**
     * Holder checks too weak to stand alone: the last four ID digits on the card match about one person in
     * ten thousand, so a card found in the street binds to anyone with the right suffix.
     */
    public static final Set<String> TOO_WEAK_ALONE = Set.of(CertificateSuffixHolderVerifierFactory.PROVIDER_ID);

    /** Whether the configured chain is only checks too weak to stand alone: then nothing may be bound. */
    public boolean tooWeak() {
        return TOO_WEAK_ALONE.containsAll(holderVerifiers);
    }

    public static BindingConfig read(AuthenticatorConfigModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : Map.copyOf(model.getConfig());
        String value = config.get(HOLDER_VERIFIERS);
        List<String> verifiers = value == null || value.isBlank() ? DEFAULT_HOLDER_VERIFIERS
                : Arrays.stream(value.split("##|[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        int max = positive(config.get(MAX_FAILURES), DEFAULT_MAX_FAILURES);
        Duration window = Duration.ofSeconds(positive(config.get(FAILURE_WINDOW_SECONDS), (int) DEFAULT_FAILURE_WINDOW.toSeconds()));
        return new BindingConfig(verifiers, config, max, window);
    }

    /** A bad or missing number falls back to the default: a typo must never switch the limit off. */
    private static int positive(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            return parsed > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

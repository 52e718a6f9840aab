package tw.ecpa.keycloak.holder;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The {@code http} holder verifier's settings, read from the binding step's configuration. */
record HttpHolderVerifierConfig(Optional<URI> url, Duration timeout) {

    static final String URL = "ecpa.holder.http.url";
    static final String TIMEOUT_MILLIS = "ecpa.holder.http.timeoutMillis";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    static HttpHolderVerifierConfig read(Map<String, String> config) {
        Optional<URI> url = Optional.ofNullable(config.get(URL)).map(String::strip).filter(s -> !s.isEmpty()).map(URI::create)
                .filter(u -> "https".equals(u.getScheme()) || "http".equals(u.getScheme()));
        Duration timeout = Optional.ofNullable(config.get(TIMEOUT_MILLIS)).map(String::strip).filter(s -> s.matches("[0-9]{1,6}"))
                .map(Long::parseLong).filter(ms -> ms > 0).map(Duration::ofMillis).orElse(DEFAULT_TIMEOUT);
        return new HttpHolderVerifierConfig(url, timeout);
    }
}

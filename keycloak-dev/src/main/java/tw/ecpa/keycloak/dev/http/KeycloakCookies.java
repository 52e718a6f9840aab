package tw.ecpa.keycloak.dev.http;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One browser's Keycloak cookies, kept by hand for a {@link java.net.http.HttpClient} that talks to Keycloak
 * on plain http. Keycloak marks its cookies Secure also on http://localhost (browsers treat localhost as
 * a secure context), and java.net's CookieManager would never send them back. Used by the test clients
 * and by the benchmarks' load generator; one Keycloak host per instance, as each of them talks to one.
 */
public final class KeycloakCookies {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Adds the kept cookies to a request about to be sent. */
    public void addTo(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
    }

    /** Keeps what the response sets, and forgets what it clears (empty value or {@code Max-Age=0}). */
    public void keepFrom(HttpResponse<?> response) {
        for (String header : response.headers().allValues("set-cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}

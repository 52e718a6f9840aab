package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak's management interface as an operator's scraper sees it (docs/operations.md, "Metrics and
 * alerts"): {@code /metrics} read into samples, and {@code /health}. A sample's key is its name with its
 * labels in name order ({@code le} last), so a test writes it as PromQL would select it.
 */
final class ManagementInterface {

    private static final URI MANAGEMENT = URI.create("http://localhost:9000");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** How much {@code series} rose from one scrape to the next (a series not yet there counts as 0). */
    static double increase(Map<String, Double> before, Map<String, Double> after, String series) {
        return after.getOrDefault(series, 0.0) - before.getOrDefault(series, 0.0);
    }

    /**
     * The scrape in which {@code done} holds, within five seconds; the last scrape otherwise. The bundle's
     * counters and Keycloak's count once the request's transaction has committed, which may be a moment
     * after the answer the test got.
     */
    Map<String, Double> metricsOnce(Predicate<Map<String, Double>> done) {
        Map<String, Double> now = metrics();
        for (int attempt = 0; attempt < 50 && !done.test(now); attempt++) {
            sleep(100);
            now = metrics();
        }
        return now;
    }

    /** Every sample of {@code /metrics}. */
    Map<String, Double> metrics() {
        Map<String, Double> samples = new HashMap<>();
        for (String line : get("/metrics").lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()) {
                samples.put(sample.group(1) + labels(sample.group(2)), Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }

    private static String labels(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Map<String, String> labels = new TreeMap<>();
        String le = null;
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            if (label.group(1).equals("le")) {
                le = label.group(2);
            } else {
                labels.put(label.group(1), label.group(2));
            }
        }
        StringBuilder key = new StringBuilder("{");
        labels.forEach((name, value) -> key.append(key.length() > 1 ? "," : "").append(name).append("=\"").append(value).append('"'));
        if (le != null) {
            key.append(key.length() > 1 ? "," : "").append("le=\"").append(le).append('"');
        }
        return key.append('}').toString();
    }

    /** The body of a {@code GET} on the management interface, which must answer 200. */
    String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(MANAGEMENT.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s on the management interface: %s", path, response.body()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

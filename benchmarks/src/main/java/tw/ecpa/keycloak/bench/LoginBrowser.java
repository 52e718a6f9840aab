package tw.ecpa.keycloak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tw.ecpa.keycloak.dev.http.KeycloakCookies;

/**
 * One browser at HTTP level for the bench server's set-up (binding the pool's cards before the
 * certificate-login simulation): keeps Keycloak's cookies by hand (they are Secure even on
 * http://127.0.0.1, which java.net would never send back), follows Keycloak's redirects, stops at the
 * application's.
 */
final class LoginBrowser {

    static final Pattern NONCE = Pattern.compile("data-nonce=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final KeycloakCookies cookies = new KeycloakCookies();
    private String body = "";
    private URI location;

    String body() {
        return body;
    }

    /** Where the last answer sent the browser outside Keycloak (the application), or null. */
    URI applicationRedirect() {
        return location;
    }

    void open(String url) {
        follow(send(HttpRequest.newBuilder(URI.create(url)).GET().build()));
    }

    String formAction(String formId) {
        Matcher matcher = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"").matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no form " + formId + " on the page:\n" + body);
        }
        return matcher.group(1).replace("&amp;", "&");
    }

    boolean shows(String formId) {
        return body.contains("id=\"" + formId + "\"");
    }

    String nonce() {
        Matcher matcher = NONCE.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no nonce on the page");
        }
        return matcher.group(1);
    }

    void post(String action, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        follow(send(HttpRequest.newBuilder(URI.create(action)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()));
    }

    private void follow(HttpResponse<String> response) {
        location = null;
        int hops = 0;
        while ((response.statusCode() == 302 || response.statusCode() == 303) && hops++ < 10) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (!next.getAuthority().equals(response.uri().getAuthority())) {
                location = next;
                body = "";
                return;
            }
            response = send(HttpRequest.newBuilder(next).GET().build());
        }
        body = response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(Duration.ofSeconds(30))
                .method(request.method(), request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
        request.headers().map().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        cookies.addTo(builder);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            cookies.keepFrom(response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package tw.ecpa.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.keycloak.admin.client.resource.RealmResource;
import org.openqa.selenium.WebDriver;

/**
 * A relying application as an agency would write it: a public client using the authorization-code
 * flow with PKCE (S256). The browser does the login pages; the redirect lands on a real local HTTP
 * listener; the code is exchanged at the token endpoint like any OIDC library would.
 */
final class OidcCodeFlow implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realmUrl;
    private final RealmResource realm;
    private final TestApp app;
    private final String clientId;
    private final HttpServer callback;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile CompletableFuture<Map<String, String>> redirect = new CompletableFuture<>();

    OidcCodeFlow(String realmUrl, RealmResource realm) {
        this.realmUrl = realmUrl;
        this.realm = realm;
        try {
            callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        callback.createContext("/callback", exchange -> {
            redirect.complete(query(exchange.getRequestURI().getRawQuery()));
            byte[] body = "signed in".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        callback.start();

        app = TestApp.register(realm, "it-app-", redirectUri(), client -> {
            client.setDirectAccessGrantsEnabled(false);
            client.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        });
        clientId = app.clientId();
    }

    String redirectUri() {
        return "http://127.0.0.1:" + callback.getAddress().getPort() + "/callback";
    }

    /** The result of one login: the token endpoint's answer and the ID token's claims. */
    record Tokens(JsonNode response, JsonNode idToken, JsonNode accessToken) {
    }

    /**
     * Opens the authorization endpoint in the browser, lets {@code login} fill whatever pages the
     * server shows, waits for the redirect and redeems the code with the PKCE verifier.
     */
    Tokens login(WebDriver browser, java.util.function.Consumer<WebDriver> login) {
        redirect = new CompletableFuture<>();
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(16);
        String nonce = randomUrlSafe(16);
        browser.navigate().to(realmUrl + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", clientId,
                "redirect_uri", redirectUri(),
                "response_type", "code",
                "scope", "openid",
                "state", state,
                "nonce", nonce,
                "code_challenge", s256(verifier),
                "code_challenge_method", "S256")));
        login.accept(browser);
        Map<String, String> params = awaitRedirect();
        if (!state.equals(params.get("state"))) {
            throw new AssertionError("state did not round-trip: " + params);
        }
        if (!params.containsKey("code")) {
            throw new AssertionError("no code in the redirect: " + params);
        }
        JsonNode tokens = post(realmUrl + "/protocol/openid-connect/token", Map.of(
                "grant_type", "authorization_code",
                "client_id", clientId,
                "code", params.get("code"),
                "redirect_uri", redirectUri(),
                "code_verifier", verifier));
        JsonNode idToken = claims(tokens.path("id_token").asText());
        if (!nonce.equals(idToken.path("nonce").asText())) {
            throw new AssertionError("the ID token does not carry our nonce");
        }
        return new Tokens(tokens, idToken, claims(tokens.path("access_token").asText()));
    }

    private Map<String, String> awaitRedirect() {
        try {
            return redirect.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the browser never came back to the application", e);
        }
    }

    private JsonNode post(String url, Map<String, String> fields) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PKCE S256 challenge of {@code verifier}. */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code bytes} random bytes, base64url: a PKCE verifier, a state. */
    static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    @Override
    public void close() {
        callback.stop(0);
        app.close();
    }
}

package tw.ecpa.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * The personnel API as the console calls it: bearer tokens of the ecpa realm issued to the personnel
 * console's own client ({@code ecpa-personnel-console}, code flow with PKCE, as its page signs in), JSON in
 * and out. The API refuses every other client's token, and the realm refuses password grants, so the
 * tests sign in exactly as an officer does: on the home page, with a password or a card.
 */
final class PersonnelApiClient implements AutoCloseable {

    static final String API = "/ecpa-personnel";
    static final String CONSOLE_CLIENT = "ecpa-personnel-console";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String serverUrl;
    private final String realmName;
    private final HttpClient http = HttpClient.newHttpClient();

    /** One answer: status and JSON body (missing when empty). */
    record Answer(int status, JsonNode body) {

        String error() {
            return body.path("error").asText(null);
        }
    }

    PersonnelApiClient(String realmUrl, RealmResource realm) {
        int at = realmUrl.indexOf("/realms/");
        this.serverUrl = realmUrl.substring(0, at);
        this.realmName = realmUrl.substring(at + "/realms/".length());
    }

    String consoleUrl() {
        return serverUrl + "/realms/" + realmName + "/ecpa-personnel/console";
    }

    /** An access token of the console for 帳號登入 with the account and password, or null when the login does not end in the console. */
    String login(String username, String password) {
        ConsoleLogin login = new ConsoleLogin(new CardLoginClient(), null);
        return login.finish(login.browser().logInWithPassword(username, password));
    }

    String requireLogin(String username, String password) {
        String token = login(username, password);
        if (token == null) {
            throw new AssertionError("could not log in as " + username);
        }
        return token;
    }

    /**
     * A console token of a 憑證登入 on the home page with the card inserted in {@code reader} and its PIN; a
     * card bound to nobody is bound on the binding page to {@code bindAs} (a national ID or custom account).
     */
    String requireCardLogin(URI reader, String pin, String bindAs) {
        ConsoleLogin login = new ConsoleLogin(new CardLoginClient(reader), null);
        CardLoginClient.Page page = login.browser().logInWithPinOnHomePage(pin);
        if (page.shows("ecpa-binding-form")) {
            page = login.browser().bind(bindAs);
        }
        String token = login.finish(page);
        if (token == null) {
            throw new AssertionError("the card login did not end in the console: " + page.body());
        }
        return token;
    }

    /** One sign-in of the console: the authorization request with PKCE, then the code for tokens. */
    private final class ConsoleLogin {

        private final CardLoginClient browser;
        private final String verifier = OidcCodeFlow.randomUrlSafe(48);

        ConsoleLogin(CardLoginClient browser, String acrValues) {
            this.browser = browser.stopAt(consoleUrl());
            browser.open(serverUrl + "/realms/" + realmName + "/protocol/openid-connect/auth?" + form(Map.of(
                    "client_id", CONSOLE_CLIENT, "redirect_uri", consoleUrl(), "response_type", "code", "scope", "openid",
                    "state", OidcCodeFlow.randomUrlSafe(16), "code_challenge", OidcCodeFlow.s256(verifier),
                    "code_challenge_method", "S256", "ui_locales", "zh-Hant"))
                    + (acrValues == null ? "" : "&acr_values=" + acrValues));
        }

        CardLoginClient browser() {
            return browser;
        }

        /** The access token for the code the login ended with, or null when it ended elsewhere. */
        String finish(CardLoginClient.Page page) {
            if (!page.redirectedToApplication()) {
                return null;
            }
            String code = java.util.Arrays.stream(page.location().getRawQuery().split("&")).filter(p -> p.startsWith("code="))
                    .findFirst().map(p -> java.net.URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8)).orElseThrow();
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(serverUrl + "/realms/" + realmName + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "client_id", CONSOLE_CLIENT,
                            "code", code, "redirect_uri", consoleUrl(), "code_verifier", verifier)))));
            if (response.statusCode() != 200) {
                throw new AssertionError("token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            return parse(response.body()).path("access_token").asText();
        }
    }

    Answer get(String token, String path) {
        return call(token, "GET", path, null);
    }

    Answer post(String token, String path, Object body) {
        return call(token, "POST", path, body);
    }

    Answer put(String token, String path, Object body) {
        return call(token, "PUT", path, body);
    }

    Answer delete(String token, String path) {
        return call(token, "DELETE", path, null);
    }

    Answer search(String token, String nationalId, String reason) {
        return post(token, "/search", reason == null ? Map.of("nationalId", nationalId) : Map.of("nationalId", nationalId, "reason", reason));
    }

    Answer requestReset(String token, String nationalId, String email, String reason) {
        java.util.HashMap<String, String> body = new java.util.HashMap<>();
        body.put("nationalId", nationalId);
        if (email != null) {
            body.put("email", email);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        return post(token, "/resets", body);
    }

    Answer confirm(String token, String confirmationId) {
        return post(token, "/resets/" + confirmationId + "/confirm", null);
    }

    /** Requests and confirms a reset; asserts that the request step is accepted. */
    Answer reset(String token, String nationalId, String email, String reason) {
        Answer requested = requestReset(token, nationalId, email, reason);
        if (requested.status() != 201) {
            throw new AssertionError("the reset request was refused: " + requested);
        }
        return confirm(token, requested.body().path("confirmationId").asText());
    }

    Answer grant(String chiefToken, String officerId, boolean resetGranted, List<String> concurrentAgencies) {
        return put(chiefToken, "/officers/" + officerId + "/grants",
                Map.of("resetGranted", resetGranted, "concurrentAgencies", concurrentAgencies));
    }

    private Answer call(String token, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverUrl + "/admin/realms/" + realmName + API + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        try {
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else if ("POST".equals(method)) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody());
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<String> response = send(request);
        return new Answer(response.statusCode(), parse(response.body()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * Sends exactly the given body text with the given content type (either may be null: none sent) and
     * bearer token (null: none), for the tests of bad input; the answer as the API gave it.
     */
    Answer raw(String token, String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverUrl + "/admin/realms/" + realmName + API + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = send(request);
        return new Answer(response.statusCode(), parse(response.body()));
    }

    /** Calls the API with any bearer token and an Origin, for the tests of who may call it; the raw answer. */
    HttpResponse<String> callAs(String token, String path, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverUrl + "/admin/realms/" + realmName + API + path))
                .header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    @Override
    public void close() {
        // Nothing to remove: the console's client is the realm template's.
    }
}

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
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * The personnel API as a program calls it: bearer tokens of the ecpa realm, JSON in and out. Tokens come
 * from a test-only client with the password grant, which keeps these API tests independent of the login
 * pages; the console's own client uses the authorization code with PKCE.
 */
final class PersonnelApiClient implements AutoCloseable {

    static final String API = "/ecpa-personnel";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String serverUrl;
    private final String realmName;
    private final RealmResource realm;
    private final String clientId = "it-personnel-" + UUID.randomUUID().toString().substring(0, 8);
    private final String clientUuid;
    private final HttpClient http = HttpClient.newHttpClient();

    /** One answer: status and JSON body (missing when empty). */
    record Answer(int status, JsonNode body) {

        String error() {
            return body.path("error").asText(null);
        }
    }

    PersonnelApiClient(String realmUrl, RealmResource realm) {
        this.realm = realm;
        int at = realmUrl.indexOf("/realms/");
        this.serverUrl = realmUrl.substring(0, at);
        this.realmName = realmUrl.substring(at + "/realms/".length());
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(true);
        try (var response = realm.clients().create(client)) {
            String location = response.getLocation().getPath();
            clientUuid = location.substring(location.lastIndexOf('/') + 1);
        }
    }

    /** An access token for the account and password, or null when the server refuses the login. */
    String login(String username, String password) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(serverUrl + "/realms/" + realmName + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", clientId,
                        "username", username, "password", RunSecrets.password(password), "scope", "openid")))));
        if (response.statusCode() != 200) {
            return null;
        }
        return parse(response.body()).path("access_token").asText();
    }

    String requireLogin(String username, String password) {
        String token = login(username, password);
        if (token == null) {
            throw new AssertionError("could not log in as " + username);
        }
        return token;
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

    @Override
    public void close() {
        realm.clients().get(clientUuid).remove();
    }
}

package tw.ecpa.keycloak.dev.realm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A full sync of one User federation provider of a realm, as the admin console's "Synchronize all users" runs
 * it: the admin REST API's {@code POST /admin/realms/<realm>/user-storage/<id>/sync?action=triggerFullSync},
 * with a token of the master realm's administrator.
 */
public final class UserFederationSync {

    /** Keycloak's answer ({@code SynchronizationResultRepresentation}). */
    public record Counts(int added, int updated, int failed, String status) {
    }

    private static final String USER_STORAGE = "org.keycloak.storage.UserStorageProvider";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;
    private final String realmName;
    private final String adminUser;
    private final String adminPassword;

    public UserFederationSync(URI baseUrl, String realmName, String adminUser, String adminPassword) {
        this.baseUrl = baseUrl;
        this.realmName = realmName;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** The id of the realm's one User federation provider of type {@code providerId}. */
    public String componentId(String providerId) {
        String token = accessToken();
        JsonNode components = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realmName + "/components?type="
                + URLEncoder.encode(USER_STORAGE, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token).GET());
        for (JsonNode component : components) {
            if (providerId.equals(component.path("providerId").asText())) {
                return component.path("id").asText();
            }
        }
        throw new IllegalStateException("the realm " + realmName + " has no User federation provider " + providerId);
    }

    /** Runs the full sync of the component and answers Keycloak's counts. */
    public Counts fullSync(String componentId) {
        String token = accessToken();
        JsonNode result = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realmName + "/user-storage/"
                        + componentId + "/sync?action=triggerFullSync"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.noBody()));
        return new Counts(result.path("added").asInt(), result.path("updated").asInt(), result.path("failed").asInt(),
                result.path("status").asText());
    }

    private String accessToken() {
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(adminUser, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        JsonNode tokens = send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        return tokens.path("access_token").asText();
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofMinutes(5)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                // the body of a refused token request or sync names the reason; it carries no password
                throw new IllegalStateException(built.method() + " " + built.uri().getPath() + " answered " + response.statusCode()
                        + " " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package tw.ecpa.keycloak.dev.realm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One realm's part of Keycloak's admin REST API, as far as setting a realm up needs it: JSON read and
 * written at paths under {@code /admin/realms/<realm>} (e.g. {@code /authentication/flows}).
 */
public interface RealmAdminApi {

    JsonNode get(String path);

    void put(String path, JsonNode body);

    /**
     * Over HTTP, to {@code realmAdminUrl} ({@code <server>/admin/realms/<realm>}) with an admin's access
     * token, asked for on every request so that a long set-up never sends an expired one.
     */
    static RealmAdminApi overHttp(URI realmAdminUrl, Supplier<String> accessToken) {
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new RealmAdminApi() {
            @Override
            public JsonNode get(String path) {
                HttpResponse<String> response = send(request(path).GET().build());
                try {
                    return json.readTree(response.body());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void put(String path, JsonNode body) {
                send(request(path).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build());
            }

            private HttpRequest.Builder request(String path) {
                return HttpRequest.newBuilder(URI.create(realmAdminUrl + path))
                        .header("Authorization", "Bearer " + accessToken.get()).timeout(Duration.ofSeconds(30));
            }

            private HttpResponse<String> send(HttpRequest request) {
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() / 100 != 2) {
                        throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                                + response.statusCode() + " " + response.body());
                    }
                    return response;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}

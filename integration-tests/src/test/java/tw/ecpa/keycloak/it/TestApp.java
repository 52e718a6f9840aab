package tw.ecpa.keycloak.it;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * A relying application for one test: a public OIDC client with the standard flow and one redirect URI,
 * under a fresh client ID, registered through the admin API and removed again by {@link #close()}.
 */
final class TestApp implements AutoCloseable {

    private final RealmResource realm;
    private final String clientId;
    private final String uuid;
    private final String redirectUri;

    private TestApp(RealmResource realm, String clientId, String uuid, String redirectUri) {
        this.realm = realm;
        this.clientId = clientId;
        this.uuid = uuid;
        this.redirectUri = redirectUri;
    }

    /** Registers {@code clientIdPrefix} plus a random suffix. */
    static TestApp register(RealmResource realm, String clientIdPrefix, String redirectUri) {
        return register(realm, clientIdPrefix, redirectUri, client -> { });
    }

    /** As {@link #register(RealmResource, String, String)}, with what this test's application needs besides (web origins, grants, PKCE). */
    static TestApp register(RealmResource realm, String clientIdPrefix, String redirectUri, Consumer<ClientRepresentation> besides) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientIdPrefix + UUID.randomUUID().toString().substring(0, 8));
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of(redirectUri));
        besides.accept(client);
        try (Response response = realm.clients().create(client)) {
            if (response.getStatus() != 201) {
                throw new AssertionError("could not register the test application " + client.getClientId() + ": HTTP " + response.getStatus());
            }
            String path = response.getLocation().getPath();
            return new TestApp(realm, client.getClientId(), path.substring(path.lastIndexOf('/') + 1), redirectUri);
        }
    }

    String clientId() {
        return clientId;
    }

    /** Where this application sends its user to log in, asking for {@code acrValues} (none when null). */
    String authorizationUrl(String realmUrl, String acrValues) {
        return AuthorizationRequest.url(realmUrl, clientId, redirectUri, "openid", acrValues);
    }

    ClientResource resource() {
        return realm.clients().get(uuid);
    }

    @Override
    public void close() {
        resource().remove();
    }
}

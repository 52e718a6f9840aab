package tw.ecpa.keycloak.authenticators.tokens;

import java.util.List;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Gives Keycloak's built-in clients of a just-imported realm the realm's default and optional client
 * scopes, as Keycloak does for a realm it creates itself.
 *
 * <p>Why: a realm file that declares {@code clientScopes} (the ECPA template does, for {@code ecpa-login})
 * makes Keycloak's import skip creating its built-in scopes, and with that it skips attaching any scope to
 * the built-in clients it set up before the import ({@code RealmManager.importRealm}). Those clients then
 * issue tokens without {@code roles} or {@code basic}: the account console answers every call with 403
 * and a person's every login ends on its error page. Only clients with no scope at all are touched, so a
 * realm made any other way, or an export that lists the clients' scopes, stays as it was.
 */
final class BuiltInClientScopes {

    static final List<String> BUILT_IN_CLIENTS = List.of(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID,
            Constants.ACCOUNT_CONSOLE_CLIENT_ID, Constants.ADMIN_CLI_CLIENT_ID, Constants.BROKER_SERVICE_CLIENT_ID,
            Constants.REALM_MANAGEMENT_CLIENT_ID, Constants.ADMIN_CONSOLE_CLIENT_ID);

    private BuiltInClientScopes() {
    }

    static void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmPostCreateEvent created) {
            giveDefaults(created.getCreatedRealm());
        }
    }

    static void giveDefaults(RealmModel realm) {
        for (String clientId : BUILT_IN_CLIENTS) {
            ClientModel client = realm.getClientByClientId(clientId);
            if (client == null || !client.getClientScopes(true).isEmpty() || !client.getClientScopes(false).isEmpty()) {
                continue;
            }
            add(client, realm.getDefaultClientScopesStream(true).toList(), true);
            add(client, realm.getDefaultClientScopesStream(false).toList(), false);
        }
    }

    private static void add(ClientModel client, List<ClientScopeModel> scopes, boolean defaultScope) {
        List<ClientScopeModel> sameProtocol = scopes.stream().filter(s -> protocolOf(client).equals(protocolOf(s))).toList();
        client.addClientScopes(java.util.Set.copyOf(sameProtocol), defaultScope);
    }

    private static String protocolOf(ClientModel client) {
        return client.getProtocol() == null ? "openid-connect" : client.getProtocol();
    }

    private static String protocolOf(ClientScopeModel scope) {
        return scope.getProtocol() == null ? "openid-connect" : scope.getProtocol();
    }
}

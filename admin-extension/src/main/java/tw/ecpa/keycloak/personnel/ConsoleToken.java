package tw.ecpa.keycloak.personnel;

import java.util.Arrays;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * The personnel API trusts a bearer token only when it was issued to the personnel console: its
 * {@code azp} is the console client and its audience names it (the template's audience mapper on the
 * console client puts it there). Keycloak's admin authentication accepts a token of this realm issued
 * to any client; a relying application an officer signs in to, or {@code admin-cli}, would otherwise
 * reach every reset with the officer's rights.
 */
public final class ConsoleToken {

    /** The personnel console's public client in the realm template. */
    public static final String CLIENT_ID = "ecpa-personnel-console";

    private static final String[] CORS_HEADERS = {"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
            "Access-Control-Expose-Headers", "Access-Control-Allow-Methods"};

    private ConsoleToken() {
    }

    static boolean accepted(RealmModel realm, AdminAuth auth) {
        AccessToken token = auth.getToken();
        return token != null && realm.equals(auth.getRealm()) && CLIENT_ID.equals(token.getIssuedFor())
                && token.getAudience() != null && Arrays.asList(token.getAudience()).contains(CLIENT_ID);
    }

    /**
     * Keycloak's admin root has already answered CORS for the web origins of whichever client the token
     * was issued to; the console is served by Keycloak itself and needs no CORS, so a refused token leaves
     * with none.
     */
    static void withdrawCors(KeycloakSession session) {
        for (String header : CORS_HEADERS) {
            session.getContext().getHttpResponse().setHeader(header, null);
        }
    }
}

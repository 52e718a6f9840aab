package tw.ecpa.keycloak.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The authorization request a relying application sends its user to: the code flow, pages in zh-Hant, a
 * fresh state each time, and the scope and {@code acr_values} the test asks for (none when null).
 */
final class AuthorizationRequest {

    private AuthorizationRequest() {
    }

    static String url(String realmUrl, String clientId, String redirectUri) {
        return url(realmUrl, clientId, redirectUri, "openid", null);
    }

    static String url(String realmUrl, String clientId, String redirectUri, String scope, String acrValues) {
        StringBuilder url = new StringBuilder(realmUrl).append("/protocol/openid-connect/auth?client_id=").append(encoded(clientId))
                .append("&redirect_uri=").append(encoded(redirectUri))
                .append("&response_type=code&ui_locales=zh-Hant&scope=").append(encoded(scope))
                .append("&state=").append(UUID.randomUUID());
        if (acrValues != null) {
            url.append("&acr_values=").append(encoded(acrValues));
        }
        return url.toString();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

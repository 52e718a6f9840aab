package tw.ecpa.keycloak.personnel.console;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.BrowserSecurityHeaders;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The console page's security headers. Keycloak's security-headers filter writes the realm's browser
 * security headers onto every HTML answer with {@code putSingle}, so the realm's login-page policy
 * ({@code frame-src 'self'; frame-ancestors 'self'; object-src 'none';}, no {@code script-src}) replaced
 * the console's own policy on the way out. The page therefore asks the filter to skip it and writes the
 * realm's headers itself, the operator's values kept, with its own stricter Content-Security-Policy and
 * framing refused.
 */
final class ConsoleSecurityHeaders {

    /**
     * Only the console's own script, style sheet and API (same origin: the token endpoint and the admin
     * API); no inline script or style, no plugin, no frame, no base rewriting, forms post nowhere else.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    static final String X_FRAME_OPTIONS = "DENY";
    /**
     * The page's own answers, not the realm's: its policy and framing, and no report-only policy (the
     * realm's would report the console's script as a violation of the login pages' rules).
     */
    private static final Set<BrowserSecurityHeaders> OWN = EnumSet.of(BrowserSecurityHeaders.CONTENT_SECURITY_POLICY,
            BrowserSecurityHeaders.CONTENT_SECURITY_POLICY_REPORT_ONLY, BrowserSecurityHeaders.X_FRAME_OPTIONS);

    private ConsoleSecurityHeaders() {
    }

    static Response.ResponseBuilder apply(KeycloakSession session, RealmModel realm, Response.ResponseBuilder response) {
        session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
        Map<String, String> configured = realm.getBrowserSecurityHeaders();
        for (BrowserSecurityHeaders header : BrowserSecurityHeaders.values()) {
            if (OWN.contains(header)) {
                continue;
            }
            String value = configured == null ? header.getDefaultValue() : configured.getOrDefault(header.getKey(), header.getDefaultValue());
            if (value != null && !value.isEmpty()) {
                response.header(header.getHeaderName(), value);
            }
        }
        return response.header(BrowserSecurityHeaders.CONTENT_SECURITY_POLICY.getHeaderName(), CONTENT_SECURITY_POLICY)
                .header(BrowserSecurityHeaders.X_FRAME_OPTIONS.getHeaderName(), X_FRAME_OPTIONS);
    }
}

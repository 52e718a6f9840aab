package tw.ecpa.keycloak.personnel.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.theme.FreeMarkerException;
import org.keycloak.theme.Theme;
import org.keycloak.theme.beans.MessageFormatterMethod;
import org.keycloak.theme.freemarker.FreeMarkerProvider;
import org.keycloak.util.JsonSerialization;

import tw.ecpa.keycloak.personnel.ConsoleToken;
import tw.ecpa.keycloak.personnel.PersonnelOffice;

/**
 * The personnel console (【權限與兼辦管理】 → 【重設員工密碼】): one page of the realm's login theme plus its
 * script and style sheet. The page holds no data and no secret; it signs in with the realm's own
 * OIDC (public client {@value #CLIENT_ID}, code flow with PKCE) and then calls the personnel API,
 * which decides everything.
 */
public class PersonnelConsoleResource {

    static final String CLIENT_ID = ConsoleToken.CLIENT_ID;
    static final String TEMPLATE = "ecpa-personnel-console.ftl";
    static final String SCRIPT = "js/ecpa-personnel-console.js";
    static final String STYLE = "css/ecpa-personnel-console.css";
    /** The messages the page needs, from the login theme, in the page's language. */
    private static final String MESSAGE_PREFIX = "ecpa.personnel.";

    private final KeycloakSession session;

    PersonnelConsoleResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("console")
    public Response page() throws IOException, FreeMarkerException {
        RealmModel realm = session.getContext().getRealm();
        Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
        Locale locale = session.getContext().resolveLocale(null);

        String realmUrl = session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName()).build().toString();
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("lang", locale.toLanguageTag());
        attributes.put("msg", new MessageFormatterMethod(locale, theme.getEnhancedMessages(realm, locale)));
        // The portal header (ecpa-portal-header.ftl): its script and style come from the login theme's resources.
        attributes.put("resourcesPath", Urls.themeRoot(session.getContext().getUri().getBaseUri()).getPath()
                + "/" + Theme.Type.LOGIN.name().toLowerCase(Locale.ROOT) + "/" + theme.getName());
        attributes.put("chromeUrl", realmUrl + "/ecpa-portal/chrome");
        // 首頁 of a signed-in officer: 我的專區 (the account console), where 【權限與兼辦管理】 led from.
        attributes.put("homeUrl", realmUrl + "/account/");
        attributes.put("realmName", realm.getName());
        attributes.put("realmDisplayName", realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName());
        attributes.put("clientId", CLIENT_ID);
        String html = session.getProvider(FreeMarkerProvider.class).processTemplate(attributes, TEMPLATE, theme);
        return ConsoleSecurityHeaders.apply(session, realm, Response.ok(html, "text/html; charset=utf-8"))
                .cacheControl(noStore())
                .build();
    }

    /**
     * Whether the portal header shows the signed-in person 【權限與兼辦管理】 ({@code open}), the advice to ask
     * the personnel chief ({@code ask-the-chief}), or nothing ({@code none}); read by the header's script on
     * the account console. Same-origin only (no CORS), from the browser's own identity cookie.
     */
    @GET
    @Path("office")
    public Response office() throws IOException {
        RealmModel realm = session.getContext().getRealm();
        Map<String, String> office = Map.of("access", PersonnelOffice.ofSignedInPerson(session, realm).code());
        return Response.ok(JsonSerialization.writeValueAsString(office), "application/json; charset=utf-8").cacheControl(noStore()).build();
    }

    /** The page's texts for its script: error messages by key, dialog texts. */
    @GET
    @Path("console/messages")
    public Response messages() throws IOException {
        RealmModel realm = session.getContext().getRealm();
        Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
        return Response.ok(JsonSerialization.writeValueAsString(pageMessages(theme, realm, session.getContext().resolveLocale(null))),
                "application/json; charset=utf-8").cacheControl(noStore()).build();
    }

    private static Map<String, String> pageMessages(Theme theme, RealmModel realm, Locale locale) throws IOException {
        Properties messages = theme.getEnhancedMessages(realm, locale);
        Map<String, String> pageMessages = new TreeMap<>();
        messages.stringPropertyNames().stream().filter(k -> k.startsWith(MESSAGE_PREFIX))
                .forEach(k -> pageMessages.put(k, messages.getProperty(k)));
        return pageMessages;
    }

    @GET
    @Path("console.js")
    public Response script() throws IOException {
        return asset(SCRIPT, "text/javascript; charset=utf-8");
    }

    @GET
    @Path("console.css")
    public Response style() throws IOException {
        return asset(STYLE, "text/css; charset=utf-8");
    }

    private Response asset(String path, String type) throws IOException {
        Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
        try (InputStream in = theme.getResourceAsStream(path)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return Response.ok(in.readAllBytes(), type).header("X-Content-Type-Options", "nosniff").cacheControl(noStore()).build();
        }
    }

    private static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        return cache;
    }
}

package tw.ecpa.keycloak.portal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * What the login theme's page header shows besides the date: the visitor figures, the client's IP
 * address and, once the person is identified, who they are and how they logged in. Every login page
 * asks for it ({@code ecpa-chrome.js}), Keycloak's own pages included, which no single authenticator
 * or required action renders. Answered same-origin only (no CORS), so another site cannot read who is
 * signed in.
 */
final class PortalChromeResource implements RealmResourceProvider {

    private final KeycloakSession session;
    private final OnlineNow onlineNow;

    PortalChromeResource(KeycloakSession session, OnlineNow onlineNow) {
        this.session = session;
        this.onlineNow = onlineNow;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @GET
    @Path("chrome")
    @Produces(MediaType.APPLICATION_JSON)
    public Response chrome(@QueryParam("client_id") String clientId, @QueryParam("tab_id") String tabId,
                           @QueryParam("lang") String lang) {
        RealmModel realm = session.getContext().getRealm();
        boolean english = lang != null && lang.startsWith("en");
        Optional<SignedInPerson> identified = SignedInPerson.of(session, realm, clientId, tabId, english);
        long online = OnlineNow.asSeenBy(onlineNow.of(session, realm), identified.filter(SignedInPerson::signedIn).isPresent());
        VisitorFigures figures = new VisitorCounter(session).figures(realm.getId(), VisitorFigures.portalDay(), online);
        Map<String, Object> chrome = new LinkedHashMap<>();
        chrome.put("onlineNow", figures.onlineNow());
        chrome.put("today", figures.today());
        chrome.put("total", figures.total());
        chrome.put("clientIp", session.getContext().getConnection().getRemoteAddr());
        identified.ifPresent(person -> {
            Map<String, Object> who = new LinkedHashMap<>();
            who.put("name", person.name());
            who.put("agency", person.agency());
            who.put("method", person.method());
            chrome.put("person", who);
        });
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(chrome).cacheControl(noStore).build();
    }

    @Override
    public void close() {
    }
}

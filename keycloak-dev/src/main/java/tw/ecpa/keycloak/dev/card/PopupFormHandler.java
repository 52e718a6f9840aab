package tw.ecpa.keycloak.dev.card;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import tw.ecpa.keycloak.dev.cardworld.http.Exchanges;

/**
 * {@code GET /popupForm} and its script {@code /popupForm.js}: the popup that bridges a web page to the
 * reader with {@code postMessage} (protocol: keycloak-dev/README.md). The allow-list is written into the
 * page when it is served, so origins added at run time count for the next popup.
 *
 * <p>The page sends {@code Cross-Origin-Opener-Policy: unsafe-none}: an opener with
 * {@code same-origin-allow-popups} keeps its reference to the popup, and the popup its
 * {@code window.opener}, only while the popup does not isolate itself.
 */
final class PopupFormHandler implements HttpHandler {

    static final String PAGE = "/popupForm";
    static final String SCRIPT = "/popupForm.js";

    private static final String ORIGINS_PLACEHOLDER = "{{ALLOWED_ORIGINS_JSON}}";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; "
            + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OriginAllowList allowList;
    private final String page;
    private final byte[] script;

    PopupFormHandler(OriginAllowList allowList) {
        this.allowList = allowList;
        this.page = new String(HiPkiAnswers.resource("popupForm.html"), StandardCharsets.UTF_8);
        this.script = HiPkiAnswers.resource("popupForm.js");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            Exchanges.methodNotAllowed(exchange, "GET");
            return;
        }
        exchange.getResponseHeaders().set("Cross-Origin-Opener-Policy", "unsafe-none");
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        if (SCRIPT.equals(exchange.getRequestURI().getPath())) {
            Exchanges.send(exchange, 200, "text/javascript; charset=utf-8", script);
            return;
        }
        String html = page.replace(ORIGINS_PLACEHOLDER, originsJson());
        Exchanges.send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** The origins as a JSON array, with '<' escaped so the data block can never close its script element. */
    private String originsJson() throws JsonProcessingException {
        return JSON.writeValueAsString(allowList.origins()).replace("<", "\\u003c");
    }
}

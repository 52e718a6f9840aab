package tw.ecpa.keycloak.dev.card;

import java.io.IOException;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;

import tw.ecpa.keycloak.dev.cardworld.http.Exchanges;

/**
 * Who may call the reader's API from a web page. Allowed origins get CORS headers (and a granted
 * preflight, Private Network Access included); the reader's own origin is same-origin (the popup); every
 * other page is refused.
 */
final class ReaderCors {

    private final OriginAllowList allowList;
    private final Set<String> ownOrigins;

    ReaderCors(OriginAllowList allowList, int port) {
        this.allowList = allowList;
        this.ownOrigins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port, "http://[::1]:" + port);
    }

    /**
     * Adds the CORS headers an allowed caller needs, and answers a preflight. True when the exchange has
     * been answered.
     */
    boolean preflightOrDecorate(HttpExchange exchange, String methods) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        boolean allowed = allowList.allows(origin);
        exchange.getResponseHeaders().add("Vary", "Origin");
        if (allowed) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
        }
        if (!"OPTIONS".equals(exchange.getRequestMethod())) {
            return false;
        }
        if (!allowed) {
            Exchanges.sendJson(exchange, 403, Exchanges.error("origin_not_allowed"));
            return true;
        }
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", methods);
        exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
        exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
        if (exchange.getRequestHeaders().containsKey("Access-Control-Request-Private-Network")) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Private-Network", "true");
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
        return true;
    }

    /** A non-browser client (no Origin), the popup (own origin) or an allowed page. */
    boolean mayUseCard(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        return origin == null || ownOrigins.contains(origin) || allowList.allows(origin);
    }
}

package tw.ecpa.keycloak.dev.card;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import tw.ecpa.keycloak.dev.cardworld.http.Exchanges;

/**
 * {@code GET /}: the component's version, which pages use to tell whether it is installed and running:
 * {@code {"func":"getVersion","ret_code":0,"last_error":0,"version":"1.3.4.103","serverName":...}}.
 */
final class BannerHandler implements HttpHandler {

    private final ReaderCors cors;

    BannerHandler(ReaderCors cors) {
        this.cors = cors;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (cors.preflightOrDecorate(exchange, "GET")) {
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            Exchanges.sendJson(exchange, 405, HiPkiAnswers.answer("getVersion", HiPkiCodes.UNSUPPORTED_METHOD, 0));
            return;
        }
        Exchanges.sendJson(exchange, 200, HiPkiAnswers.answer("getVersion", HiPkiCodes.OK, 0)
                .put("serverName", "ECPA Keycloak virtual HiPKI local server (TEST ONLY)"));
    }
}

package tw.ecpa.keycloak.dev.holder;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import tw.ecpa.keycloak.dev.cardworld.http.Exchanges;
import tw.ecpa.keycloak.dev.cardworld.http.RequestTooLargeException;

/** {@code POST /holder-check}: the contract of the {@code http} holder verifier (see the module README). */
final class HolderCheckHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(HolderCheckHandler.class.getName());
    private static final int MAX_BODY = 8 * 1024;

    private final HolderRegistry registry;

    HolderCheckHandler(HolderRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!Exchanges.acceptJsonPost(exchange)) {
            return;
        }
        Optional<ObjectNode> body;
        try {
            body = Exchanges.jsonObject(Exchanges.body(exchange, MAX_BODY));
        } catch (RequestTooLargeException e) {
            Exchanges.sendJson(exchange, 413, Exchanges.error("request_too_large"));
            return;
        }
        if (body.isEmpty()) {
            Exchanges.sendJson(exchange, 400, Exchanges.error(HolderCheckRequest.Problem.MALFORMED_JSON.code()));
            return;
        }
        HolderCheckRequest request;
        try {
            request = HolderCheckRequest.parse(body.get());
        } catch (HolderCheckRequest.InvalidRequest e) {
            Exchanges.sendJson(exchange, 400, Exchanges.error(e.problem().code()));
            return;
        }
        HolderCheckResult result = registry.check(request.issuer(), request.serialNumber(), request.nationalId());
        LOG.log(System.Logger.Level.INFO, "holder check of {0} for certificate {1}: {2}",
                request.nationalId().masked(), request.serialNumber().toString(16), result);
        Exchanges.sendJson(exchange, 200, Exchanges.object().put("result", result.name()));
    }
}

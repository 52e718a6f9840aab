package tw.ecpa.keycloak.dev.holder;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import tw.ecpa.keycloak.dev.cardworld.http.Exchanges;
import tw.ecpa.keycloak.dev.cardworld.http.FaultControl;
import tw.ecpa.keycloak.dev.cardworld.http.LocalHttpService;
import tw.ecpa.keycloak.dev.cardworld.http.ServiceFault;
import tw.ecpa.keycloak.dev.pki.TestPki;

/**
 * The certificate authority's holder comparison as a local service: told a certificate (issuer DN and
 * serial) and a national ID, it answers whether the ID is the holder's, from the test PKI's records.
 * Its fault switch makes it slow, 503 or unreachable, so the server's time-out and fail-closed paths can
 * be tested. Contract: keycloak-dev/README.md, "Holder-check responder".
 */
public final class HolderCheckResponder implements AutoCloseable {

    public static final String CHECK_PATH = "/holder-check";

    private final LocalHttpService http;

    private HolderCheckResponder(LocalHttpService http) {
        this.http = http;
    }

    public static HolderCheckResponder start(LocalHttpService http, TestPki pki) {
        HolderCheckResponder responder = new HolderCheckResponder(http);
        http.route(CHECK_PATH, new HolderCheckHandler(new HolderRegistry(pki)));
        http.controlRoute("/control/fault", new FaultControl(http));
        http.controlRoute("/control/state", responder::state);
        http.controlRoute("/control/reset", responder::resetByRequest);
        http.start();
        return responder;
    }

    public URI baseUrl() {
        return http.baseUrl();
    }

    /** The URL the {@code http} holder verifier is configured with. */
    public URI checkUrl() {
        return URI.create(http.baseUrl() + CHECK_PATH);
    }

    public ServiceFault fault() {
        return http.fault();
    }

    public void setFault(ServiceFault fault) {
        http.setFault(fault);
    }

    /** Answers normally again. */
    public void reset() {
        http.setFault(ServiceFault.normal());
    }

    @Override
    public void close() {
        http.close();
    }

    private void state(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            Exchanges.methodNotAllowed(exchange, "GET");
            return;
        }
        ObjectNode body = Exchanges.object();
        body.set("fault", FaultControl.describe(http.fault()));
        Exchanges.sendJson(exchange, 200, body);
    }

    private void resetByRequest(HttpExchange exchange) throws IOException {
        if (!Exchanges.acceptJsonPost(exchange)) {
            return;
        }
        reset();
        ObjectNode body = Exchanges.object();
        body.set("fault", FaultControl.describe(http.fault()));
        Exchanges.sendJson(exchange, 200, body);
    }
}

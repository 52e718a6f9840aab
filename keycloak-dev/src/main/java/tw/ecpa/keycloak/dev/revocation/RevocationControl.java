package tw.ecpa.keycloak.dev.revocation;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import tw.ecpa.keycloak.dev.cardworld.http.Exchanges;
import tw.ecpa.keycloak.dev.cardworld.http.FaultControl;
import tw.ecpa.keycloak.dev.pki.IssuedCard;

/**
 * The revocation services' control API:
 * {@code GET /control/state} (revoked cards, fault, OCSP requests served), {@code POST /control/revoke {"cardId", "reason"?}},
 * {@code POST /control/reinstate {"cardId"}}, {@code POST /control/reset}.
 * POST bodies are JSON, so that a web page cannot send them without a CORS preflight (never granted).
 */
final class RevocationControl implements HttpHandler {

    private static final int MAX_BODY = 4_096;

    private final RevocationServices services;

    RevocationControl(RevocationServices services) {
        this.services = services;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String action = exchange.getRequestURI().getPath().substring("/control/".length());
        if ("state".equals(action)) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                Exchanges.methodNotAllowed(exchange, "GET");
                return;
            }
            Exchanges.sendJson(exchange, 200, state());
            return;
        }
        if (!Exchanges.acceptJsonPost(exchange)) {
            return;
        }
        ObjectNode request = Exchanges.jsonObject(Exchanges.body(exchange, MAX_BODY)).orElse(Exchanges.object());
        switch (action) {
            case "revoke" -> withCard(exchange, request, card -> {
                String reasonName = request.path("reason").asText(RevocationReason.KEY_COMPROMISE.rfcName());
                Optional<RevocationReason> reason = RevocationReason.byRfcName(reasonName);
                if (reason.isEmpty()) {
                    return false;
                }
                services.revoke(card.id(), reason.get());
                return true;
            });
            case "reinstate" -> withCard(exchange, request, card -> {
                services.reinstate(card.id());
                return true;
            });
            case "reset" -> {
                services.reset();
                Exchanges.sendJson(exchange, 200, state());
            }
            default -> Exchanges.sendJson(exchange, 404, Exchanges.error("not_found"));
        }
    }

    private void withCard(HttpExchange exchange, ObjectNode request, CardAction action) throws IOException {
        Optional<IssuedCard> card = services.pki().findCard(request.path("cardId").asText(""));
        if (card.isEmpty()) {
            Exchanges.sendJson(exchange, 404, Exchanges.error("unknown_card"));
            return;
        }
        if (!action.apply(card.get())) {
            Exchanges.sendJson(exchange, 400, Exchanges.error("invalid_reason"));
            return;
        }
        Exchanges.sendJson(exchange, 200, state());
    }

    private ObjectNode state() {
        ObjectNode state = Exchanges.object();
        state.set("fault", FaultControl.describe(services.fault()));
        state.put("ocspRequestsServed", services.ocspRequestsServed());
        ArrayNode revoked = state.putArray("revoked");
        for (IssuedCard card : services.revokedCards()) {
            CertificateStatus status = services.status(card.id());
            revoked.addObject()
                    .put("cardId", card.id())
                    .put("authority", card.issuer().name())
                    .put("serialNumber", card.serialNumber().toString(16))
                    .put("revokedAt", status.revokedAt().toString())
                    .put("reason", status.reason().rfcName());
        }
        return state;
    }

    @FunctionalInterface
    private interface CardAction {
        boolean apply(IssuedCard card);
    }
}

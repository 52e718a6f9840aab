package tw.ecpa.keycloak.dev.card;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import tw.ecpa.keycloak.dev.cardworld.http.Exchanges;
import tw.ecpa.keycloak.dev.pki.DemoCard;

/**
 * The reader's control API and page, for a developer or a test:
 * <pre>
 * GET  /control              the control page
 * GET  /control/state        reader, inserted card, allow-list, every card with its PIN state
 * POST /control/insert       {"cardId": "citizen-daming.wang"}
 * POST /control/remove       {}
 * POST /control/reader       {"connected": false}      simulate an unplugged reader
 * POST /control/lock         {"cardId": ...}           as after three wrong PINs
 * POST /control/unlock       {"cardId": ...}           the MOICA / GCA unblock
 * POST /control/origins      {"origin": "http://127.0.0.1:5000"}
 * POST /control/reset        {}                        the state the reader started with
 * </pre>
 * Every POST answers the new state. POST bodies must be JSON, so that no web page can send one without
 * a CORS preflight, which the control API never grants. The state lists PINs: they are the published
 * test PINs the launcher prints too.
 */
final class ReaderControl implements HttpHandler {

    static final String PAGE = "/control";
    static final String PAGE_SCRIPT = "/control/control.js";

    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; "
            + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final int MAX_BODY = 4_096;

    private final VirtualCardReader reader;
    private final byte[] page;
    private final byte[] script;

    ReaderControl(VirtualCardReader reader) {
        this.reader = reader;
        this.page = HiPkiAnswers.resource("control.html");
        this.script = HiPkiAnswers.resource("control.js");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (PAGE.equals(path) || PAGE_SCRIPT.equals(path)) {
            servePage(exchange, PAGE.equals(path));
            return;
        }
        String action = path.substring((PAGE + "/").length());
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
        String problem = act(action, request);
        if (problem == null) {
            Exchanges.sendJson(exchange, 200, state());
        } else {
            boolean missing = "not_found".equals(problem) || "unknown_card".equals(problem);
            Exchanges.sendJson(exchange, missing ? 404 : 400, Exchanges.error(problem));
        }
    }

    /** Performs the action; the error code when it cannot. */
    private String act(String action, ObjectNode request) {
        String cardId = request.path("cardId").asText("");
        switch (action) {
            case "insert", "lock", "unlock" -> {
                if (!reader.hasCard(cardId)) {
                    return "unknown_card";
                }
                switch (action) {
                    case "insert" -> reader.insert(cardId);
                    case "lock" -> reader.lock(cardId);
                    default -> reader.unlock(cardId);
                }
                return null;
            }
            case "remove" -> {
                reader.remove();
                return null;
            }
            case "reader" -> {
                JsonNode connected = request.path("connected");
                if (!connected.isBoolean()) {
                    return "invalid_connected";
                }
                reader.setReaderConnected(connected.asBoolean());
                return null;
            }
            case "origins" -> {
                try {
                    reader.allowOrigin(request.path("origin").asText(""));
                    return null;
                } catch (IllegalArgumentException e) {
                    return "invalid_origin";
                }
            }
            case "reset" -> {
                reader.reset();
                return null;
            }
            default -> {
                return "not_found";
            }
        }
    }

    private ObjectNode state() {
        ObjectNode state = Exchanges.object()
                .put("readerConnected", reader.readerConnected())
                .put("insertedCardId", reader.insertedCardId().orElse(null));
        ArrayNode origins = state.putArray("allowedOrigins");
        reader.allowedOrigins().forEach(origins::add);
        ArrayNode cards = state.putArray("cards");
        for (DemoCard card : reader.cards()) {
            CardState pinState = reader.cardState(card.id());
            cards.addObject()
                    .put("id", card.id())
                    .put("kind", card.kind().name())
                    .put("variant", card.variant().name())
                    .put("holderName", card.holderName())
                    .put("maskedNationalId", card.maskedNationalId())
                    .put("agencyCode", card.agencyCode().orElse(null))
                    .put("pin", card.pin())
                    .put("cardSN", card.cardSerialNumber())
                    .put("note", card.note())
                    .put("locked", pinState.locked())
                    .put("consecutiveWrongPins", pinState.consecutiveWrongPins());
        }
        return state;
    }

    private void servePage(HttpExchange exchange, boolean html) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            Exchanges.methodNotAllowed(exchange, "GET");
            return;
        }
        exchange.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        Exchanges.send(exchange, 200, html ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8",
                html ? page : script);
    }
}

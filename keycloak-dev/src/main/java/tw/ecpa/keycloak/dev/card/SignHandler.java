package tw.ecpa.keycloak.dev.card;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import tw.ecpa.keycloak.dev.cardworld.http.Exchanges;
import tw.ecpa.keycloak.dev.cardworld.http.RequestTooLargeException;

/**
 * {@code POST /sign}: MakeSignature with the inserted card. The body is the JSON request, or, as the
 * component's IE samples send it, {@code tbsPackage=<url-encoded JSON>}. Component errors are HTTP 200
 * with a {@code ret_code}, like the real component; only HTTP-level refusals (method, size, origin) use
 * 4xx, with the same JSON shape.
 */
final class SignHandler implements HttpHandler {

    static final int MAX_BODY = 64 * 1024;

    private static final System.Logger LOG = System.getLogger(SignHandler.class.getName());
    private static final String FUNC = "sign";

    private final ReaderState state;
    private final ReaderCors cors;

    SignHandler(ReaderState state, ReaderCors cors) {
        this.state = state;
        this.cors = cors;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (cors.preflightOrDecorate(exchange, "POST")) {
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            Exchanges.sendJson(exchange, 405, HiPkiAnswers.answer(FUNC, HiPkiCodes.UNSUPPORTED_METHOD, 0));
            return;
        }
        if (!cors.mayUseCard(exchange)) {
            Exchanges.sendJson(exchange, 403, HiPkiAnswers.answer(FUNC, HiPkiCodes.FORBIDDEN_DOMAIN, 0));
            return;
        }
        byte[] body;
        try {
            body = Exchanges.body(exchange, MAX_BODY);
        } catch (RequestTooLargeException e) {
            Exchanges.sendJson(exchange, 413, HiPkiAnswers.answer(FUNC, HiPkiCodes.TOO_LARGE, 0));
            return;
        }
        Exchanges.sendJson(exchange, 200, answer(request(exchange, body)));
    }

    private ObjectNode answer(Optional<ObjectNode> json) {
        if (json.isEmpty()) {
            return HiPkiAnswers.answer(FUNC, HiPkiCodes.JSON_ERROR, 0);
        }
        String cardId = "-";
        try {
            SignRequest request = SignRequest.parse(json.get());
            if (!state.readerConnected()) {
                throw new HiPkiError(HiPkiCodes.NO_READER);
            }
            VirtualCard card = state.inserted().orElseThrow(() -> new HiPkiError(HiPkiCodes.NO_CARD));
            cardId = card.id();
            PrivateKey key = card.login(request.pin());
            ObjectNode answer = HiPkiAnswers.answer(FUNC, HiPkiCodes.OK, 0)
                    .put("signature", Base64.getEncoder().encodeToString(sign(request.tbs(), key, card)))
                    .put("certb64", Base64.getEncoder().encodeToString(certificate(card)));
            if (request.withCardSerialNumber()) {
                answer.put("cardSN", card.issued().card().cardSerialNumber());
            }
            LOG.log(System.Logger.Level.INFO, "MakeSignature with card {0}: signed", cardId);
            return answer;
        } catch (HiPkiError e) {
            LOG.log(System.Logger.Level.INFO, "MakeSignature with card {0}: ret_code {1}, last_error {2}",
                    cardId, HiPkiCodes.hex(e.retCode()), HiPkiCodes.hex(e.lastError()));
            return HiPkiAnswers.error(FUNC, e);
        }
    }

    /** The JSON request, from a JSON body or from the {@code tbsPackage} form field. */
    private static Optional<ObjectNode> request(HttpExchange exchange, byte[] body) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            try {
                String tbsPackage = Exchanges.formFields(new String(body, StandardCharsets.UTF_8)).get("tbsPackage");
                return tbsPackage == null ? Optional.empty()
                        : Exchanges.jsonObject(tbsPackage.getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                return Optional.empty();
            }
        }
        return Exchanges.jsonObject(body);
    }

    private static byte[] sign(byte[] tbs, PrivateKey key, VirtualCard card) throws HiPkiError {
        try {
            return CmsSigner.sign(tbs, key, card.issued().certificate());
        } catch (GeneralSecurityException e) {
            LOG.log(System.Logger.Level.WARNING, "card {0} failed to sign: {1}", card.id(), e.getClass().getName());
            throw new HiPkiError(HiPkiCodes.SIGNING_FAILED);
        }
    }

    private static byte[] certificate(VirtualCard card) throws HiPkiError {
        try {
            return card.issued().certificate().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new HiPkiError(HiPkiCodes.SIGNING_FAILED);
        }
    }
}

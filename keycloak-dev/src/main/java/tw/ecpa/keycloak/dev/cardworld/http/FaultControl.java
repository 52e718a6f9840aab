package tw.ecpa.keycloak.dev.cardworld.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code GET|POST /control/fault}: reads or switches a service's {@link ServiceFault}.
 *
 * <p>Body: {@code {"mode":"NORMAL"|"SLOW"|"DOWN"|"REFUSE", "delayMillis": n, "seconds": n}}.
 * {@code delayMillis} (1..600000) is required for SLOW; {@code seconds} (1..3600) is required for
 * REFUSE, because a service that refuses connections cannot be called back to normal over HTTP.
 */
public final class FaultControl implements HttpHandler {

    private static final long MAX_DELAY_MILLIS = 600_000;
    private static final long MAX_REFUSE_SECONDS = 3_600;
    private static final int MAX_BODY = 4_096;

    private final LocalHttpService service;

    public FaultControl(LocalHttpService service) {
        this.service = service;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> Exchanges.sendJson(exchange, 200, describe(service.fault()));
            case "POST" -> change(exchange);
            default -> Exchanges.methodNotAllowed(exchange, "GET, POST");
        }
    }

    public static ObjectNode describe(ServiceFault fault) {
        return Exchanges.object().put("mode", fault.mode().name()).put("delayMillis", fault.delay().toMillis());
    }

    private void change(HttpExchange exchange) throws IOException {
        if (!Exchanges.hasJsonContentType(exchange)) {
            Exchanges.sendJson(exchange, 415, Exchanges.error("json_required"));
            return;
        }
        ObjectNode request = Exchanges.jsonObject(Exchanges.body(exchange, MAX_BODY)).orElse(null);
        ServiceFault.Mode mode = request == null ? null : mode(request.path("mode"));
        if (mode == null) {
            Exchanges.sendJson(exchange, 400, Exchanges.error("invalid_mode"));
            return;
        }
        switch (mode) {
            case NORMAL -> answerAndSet(exchange, ServiceFault.normal());
            case DOWN -> answerAndSet(exchange, ServiceFault.down());
            case SLOW -> {
                long delay = request.path("delayMillis").asLong(0);
                if (delay < 1 || delay > MAX_DELAY_MILLIS) {
                    Exchanges.sendJson(exchange, 400, Exchanges.error("invalid_delayMillis"));
                    return;
                }
                answerAndSet(exchange, ServiceFault.slow(Duration.ofMillis(delay)));
            }
            case REFUSE -> {
                long seconds = request.path("seconds").asLong(0);
                if (seconds < 1 || seconds > MAX_REFUSE_SECONDS) {
                    Exchanges.sendJson(exchange, 400, Exchanges.error("invalid_seconds"));
                    return;
                }
                // Answer before the socket closes, so the caller learns it worked.
                Exchanges.sendJson(exchange, 200, describe(ServiceFault.refuse()));
                service.refuseFor(Duration.ofSeconds(seconds));
            }
        }
    }

    private void answerAndSet(HttpExchange exchange, ServiceFault fault) throws IOException {
        service.setFault(fault);
        Exchanges.sendJson(exchange, 200, describe(fault));
    }

    private static ServiceFault.Mode mode(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return ServiceFault.Mode.valueOf(value.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

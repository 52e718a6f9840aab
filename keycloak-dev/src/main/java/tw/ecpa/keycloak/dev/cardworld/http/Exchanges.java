package tw.ecpa.keycloak.dev.cardworld.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/** Reading and answering {@link HttpExchange}s the same way in every card-world service. */
public final class Exchanges {

    public static final String JSON_TYPE = "application/json; charset=utf-8";

    private static final int DRAIN_LIMIT = 4 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A JSON object with one {@code error} member: the error shape of the control APIs. */
    public static ObjectNode error(String code) {
        return object().put("error", code);
    }

    /**
     * Reads the whole body, refusing more than {@code limit} bytes. An oversized body is still read and
     * thrown away up to {@value #DRAIN_LIMIT} bytes: closing a connection with unread data resets it,
     * and the client would lose the refusal.
     */
    public static byte[] body(HttpExchange exchange, int limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try (InputStream in = exchange.getRequestBody()) {
            if (declared != null && parseLength(declared) > limit) {
                drain(in);
                throw new RequestTooLargeException(limit);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > limit) {
                    drain(in);
                    throw new RequestTooLargeException(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long drained = 0;
        for (int n = in.read(buffer); n >= 0 && drained < DRAIN_LIMIT; n = in.read(buffer)) {
            drained += n;
        }
    }

    /** Parses a JSON object body; empty when the body is not a JSON object. */
    public static Optional<ObjectNode> jsonObject(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static boolean hasJsonContentType(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    /** The decoded query parameters; a repeated name keeps its first value. */
    public static Map<String, String> query(HttpExchange exchange) {
        return formFields(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
    }

    /** Decodes {@code application/x-www-form-urlencoded} text; a repeated name keeps its first value. */
    public static Map<String, String> formFields(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    public static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        try {
            send(exchange, status, JSON_TYPE, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IOException("cannot serialise a JSON answer", e);
        }
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean bodyless = "HEAD".equals(exchange.getRequestMethod()) || status == 204;
        exchange.sendResponseHeaders(status, bodyless ? -1 : body.length);
        if (!bodyless) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /**
     * Whether the request is a POST with a JSON body; if not, answers 405 or 415 and returns false.
     * Control and check endpoints take JSON only: a web page cannot send that without a CORS preflight.
     */
    public static boolean acceptJsonPost(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            methodNotAllowed(exchange, "POST");
            return false;
        }
        if (!hasJsonContentType(exchange)) {
            sendJson(exchange, 415, error("json_required"));
            return false;
        }
        return true;
    }

    /** Answers a method the route does not serve, naming the ones it does. */
    public static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        sendJson(exchange, 405, error("method_not_allowed"));
    }

    private static long parseLength(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}

package tw.ecpa.keycloak.dev.revocation;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Base64;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import tw.ecpa.keycloak.dev.cardworld.http.Exchanges;
import tw.ecpa.keycloak.dev.cardworld.http.RequestTooLargeException;
import tw.ecpa.keycloak.dev.pki.RevocationEndpoints;

/**
 * {@code POST /ocsp} with an {@code application/ocsp-request} body, and RFC 6960's
 * {@code GET /ocsp/<url-encoded base64 request>}. Every well-formed HTTP request gets an
 * {@code application/ocsp-response}, a failed one included ({@code malformedRequest} and so on).
 */
final class OcspHandler implements HttpHandler {

    private static final int MAX_REQUEST = 16 * 1024;

    private final OcspResponder responder;
    private final AtomicInteger served;

    /** {@code served} counts the answers given, so a test can see whether a login asked at all. */
    OcspHandler(OcspResponder responder, AtomicInteger served) {
        this.responder = responder;
        this.served = served;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        byte[] request;
        // Decoded path: %2B and %2F of the base64 text come back, a literal '+' stays a '+'.
        String path = exchange.getRequestURI().getPath();
        switch (exchange.getRequestMethod()) {
            case "POST" -> {
                if (!path.equals(RevocationEndpoints.OCSP)) {
                    Exchanges.sendJson(exchange, 404, Exchanges.error("not_found"));
                    return;
                }
                try {
                    request = Exchanges.body(exchange, MAX_REQUEST);
                } catch (RequestTooLargeException e) {
                    Exchanges.sendJson(exchange, 413, Exchanges.error("request_too_large"));
                    return;
                }
            }
            case "GET" -> request = fromPath(path);
            default -> {
                Exchanges.methodNotAllowed(exchange, "GET, POST");
                return;
            }
        }
        try {
            byte[] response = responder.respond(request);
            served.incrementAndGet();
            Exchanges.send(exchange, 200, "application/ocsp-response", response);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** An undecodable path yields an empty request, which the responder calls malformed. */
    private static byte[] fromPath(String path) {
        String prefix = RevocationEndpoints.OCSP + "/";
        if (!path.startsWith(prefix)) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(path.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}

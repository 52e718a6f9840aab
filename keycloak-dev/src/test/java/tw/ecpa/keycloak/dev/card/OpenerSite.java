package tw.ecpa.keycloak.dev.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import tw.ecpa.keycloak.dev.cardworld.TestHttp;

/**
 * A web page on its own 127.0.0.1 origin that opens the reader's popup, like the login page will. It is
 * served with {@code Cross-Origin-Opener-Policy: same-origin-allow-popups}, the policy the login page
 * needs.
 */
final class OpenerSite implements AutoCloseable {

    private final HttpServer server;
    private final String template;
    private volatile String page = "";

    OpenerSite() throws IOException {
        try (InputStream in = OpenerSite.class.getResourceAsStream("/card/opener.html")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cross-Origin-Opener-Policy", "same-origin-allow-popups");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}: the origin the reader sees in {@code event.origin}. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves a page that sends {@code request} to the reader at {@code readerUrl}. */
    URI page(URI readerUrl, Map<String, Object> request, boolean postWithoutWaiting) {
        String settings = TestHttp.toJson(Map.of(
                "readerOrigin", readerUrl.toString(),
                "request", request,
                "postWithoutWaiting", postWithoutWaiting));
        page = template.replace("{{SETTINGS_JSON}}", settings.replace("<", "\\u003c"));
        return URI.create(origin() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

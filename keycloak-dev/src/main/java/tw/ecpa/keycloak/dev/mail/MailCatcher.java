package tw.ecpa.keycloak.dev.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) that keeps every mail Keycloak sends, and a small web page on which a
 * developer reads them: the reset letters with their generated passwords end up here, never in a real
 * mailbox. Both listen on 127.0.0.1 only.
 */
public final class MailCatcher implements AutoCloseable {

    private final GreenMail smtp;
    private final HttpServer web;

    private MailCatcher(GreenMail smtp, HttpServer web) {
        this.smtp = smtp;
        this.web = web;
    }

    /** Starts SMTP on {@code smtpPort} and the reading page on {@code webPort} (0 picks a free port). */
    public static MailCatcher start(int smtpPort, int webPort) {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
            MailCatcher catcher = new MailCatcher(smtp, web);
            web.createContext("/", catcher::serve);
            web.start();
            return catcher;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException(e);
        }
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public URI webUrl() {
        return URI.create("http://127.0.0.1:" + web.getAddress().getPort() + "/");
    }

    public List<MimeMessage> messages() {
        return List.of(smtp.getReceivedMessages());
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "text/plain", "GET only");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            List<MimeMessage> messages = messages();
            if (path.equals("/")) {
                respond(exchange, 200, "text/html", MailPages.inbox(messages));
                return;
            }
            MailPages.Route route = MailPages.route(path, messages.size());
            if (route == null) {
                respond(exchange, 404, "text/plain", "no such mail");
                return;
            }
            MimeMessage message = messages.get(route.index());
            if (route.htmlBody()) {
                // The mail's own HTML, shown inside a sandboxed frame of the message page.
                exchange.getResponseHeaders().set("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
                respond(exchange, 200, "text/html", MailContent.of(message).html().orElse(""));
            } else {
                respond(exchange, 200, "text/html", MailPages.message(route.index(), message));
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        web.stop(0);
        smtp.stop();
    }
}

package tw.ecpa.keycloak.authenticators.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Downloads from revocation sources that misbehave, through a real HTTP client: each one ends, with an
 * IOException (which the sources turn into "no answer"), instead of holding the login. The test's own
 * timeout is only a guard against a hang (in a thread of its own: a blocked socket read ignores
 * interrupts); what is asserted is the outcome.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RevocationFetchTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final CloseableHttpClient client = HttpClients.createDefault();
    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
        client.close();
    }

    private RevocationFetch fetch() {
        return new RevocationFetch(client, TIMEOUT, 1024 * 1024);
    }

    /** Accepts every connection and never says a word. */
    private URI silentServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(server);
        List<Socket> held = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(server.accept());
                }
            } catch (IOException closed) {
                held.forEach(socket -> {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                });
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/ocsp");
    }

    /** Answers 200 with headers at once, then a byte of body every 100 ms, each well within the read timeout. */
    private URI tricklingServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(server);
        Thread acceptor = new Thread(() -> {
            try (Socket socket = server.accept(); OutputStream out = socket.getOutputStream()) {
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/pkix-crl\r\nContent-Length: 100000\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (int i = 0; i < 100_000; i++) {
                    out.write(0x30);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException ended) {
                // the client hung up
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/crl/test-moica.crl");
    }

    private URI answeringServer(int status, byte[] body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp");
    }

    @Test
    void givenAResponderThatAcceptsAndStaysSilentThenThePostEndsWithAnError() throws IOException {
        URI silent = silentServer();

        assertThatThrownBy(() -> fetch().post(silent, "application/ocsp-request", new byte[] {0x30, 0x00}))
                .isInstanceOf(IOException.class);
    }

    @Test
    void givenACrlServerThatAcceptsAndStaysSilentThenTheGetEndsWithAnError() throws IOException {
        URI silent = silentServer();

        assertThatThrownBy(() -> fetch().get(silent)).isInstanceOf(IOException.class);
    }

    @Test
    void givenAServerTricklingItsAnswerThenTheWholeExchangeIsCutOffAtTheTimeout() throws IOException {
        URI trickling = tricklingServer();

        assertThatThrownBy(() -> fetch().get(trickling)).isInstanceOf(IOException.class);
    }

    @Test
    void givenAnErrorStatusThenNoAnswer() throws IOException {
        URI failing = answeringServer(503, "busy".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> fetch().get(failing)).isInstanceOf(IOException.class).hasMessageContaining("503");
    }

    @Test
    void givenAPromptAnswerThenItsBodyAndTheConnectionServesTheNextOne() throws IOException {
        byte[] der = {0x30, 0x03, 0x0a, 0x01, 0x00};
        URI answering = answeringServer(200, der);

        assertThat(fetch().post(answering, "application/ocsp-request", new byte[] {0x30, 0x00})).isEqualTo(der);
        assertThat(fetch().get(answering)).isEqualTo(der);
    }
}

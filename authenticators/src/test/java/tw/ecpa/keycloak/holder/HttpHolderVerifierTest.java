package tw.ecpa.keycloak.holder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.core.certificate.CardKind;
import tw.ecpa.keycloak.core.certificate.CertificateProfile;
import tw.ecpa.keycloak.model.EcpaMetrics;

class HttpHolderVerifierTest {

    static final CertificateProfile CARD = new CertificateProfile(CardKind.CITIZEN, "王大明", Optional.of("0000000012345678"),
            Optional.of("6789"), Optional.empty(), "OU=內政部憑證管理中心,O=行政院,C=TW", "4a31cc6f60b4");
    static final HolderCheckRequest REQUEST = new HolderCheckRequest(CARD, NationalId.of("A123456789"));

    private final AtomicReference<String> received = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer = "{\"result\":\"MATCH\"}";
    private volatile long delayMillis;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EcpaMetrics metrics = new EcpaMetrics(registry);
    private HttpServer service;
    private CloseableHttpClient http;

    @BeforeEach
    void start() throws IOException {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/holder-check", exchange -> {
            received.set(exchange.getRequestHeaders().getFirst("Content-Type") + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        service.start();
        http = HttpClients.createDefault();
    }

    @AfterEach
    void stop() throws IOException {
        service.stop(0);
        http.close();
    }

    private Map<String, String> config(String timeoutMillis) {
        return Map.of(HttpHolderVerifierConfig.URL, "http://127.0.0.1:" + service.getAddress().getPort() + "/holder-check",
                HttpHolderVerifierConfig.TIMEOUT_MILLIS, timeoutMillis);
    }

    private HolderCheck check() {
        return new HttpHolderVerifier(http, metrics).check(REQUEST, config("1000"));
    }

    @Test
    void givenAMatchThenItSaysMatchAfterSendingTheContractsFields() {
        assertThat(check()).isEqualTo(HolderCheck.MATCH);
        assertThat(received.get()).startsWith("application/json")
                .contains("\"issuerDn\":\"OU=內政部憑證管理中心,O=行政院,C=TW\"")
                .contains("\"serialNumber\":\"4a31cc6f60b4\"")
                .contains("\"nationalId\":\"A123456789\"");
    }

    @Test
    void givenTheServicesOtherAnswersThenTheyArePassedOn() {
        answer = "{\"result\":\"MISMATCH\"}";
        assertThat(check()).isEqualTo(HolderCheck.MISMATCH);
        answer = "{\"result\":\"UNKNOWN_CERTIFICATE\"}";
        assertThat(check()).isEqualTo(HolderCheck.UNKNOWN_CERTIFICATE);
    }

    @Test
    void givenTheServiceIsDownThenItIsUnavailable() {
        status = 503;
        answer = "{\"error\":\"unavailable\"}";
        assertThat(check()).isEqualTo(HolderCheck.UNAVAILABLE);
    }

    @Test
    void givenAnAnswerOutsideTheContractThenItIsUnavailable() {
        answer = "{\"result\":\"match\"}";
        assertThat(check()).isEqualTo(HolderCheck.UNAVAILABLE);
        answer = "<html>";
        assertThat(check()).isEqualTo(HolderCheck.UNAVAILABLE);
    }

    @Test
    void givenASlowServiceThenTheTimeoutMakesItUnavailable() {
        delayMillis = 1500;
        long start = System.nanoTime();

        assertThat(new HttpHolderVerifier(http, metrics).check(REQUEST, config("300"))).isEqualTo(HolderCheck.UNAVAILABLE);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1400);
    }

    @Test
    void givenNoServiceListeningThenItIsUnavailable() {
        Map<String, String> config = config("500");
        service.stop(0);

        assertThat(new HttpHolderVerifier(http, metrics).check(REQUEST, config)).isEqualTo(HolderCheck.UNAVAILABLE);
    }

    @Test
    void givenNoUrlConfiguredThenItIsUnavailable() {
        assertThat(new HttpHolderVerifier(http, metrics).check(REQUEST, Map.of())).isEqualTo(HolderCheck.UNAVAILABLE);
    }

    @Test
    void everyAnswerIsTimedUnderItsOutcome() {
        check();
        answer = "{\"result\":\"UNKNOWN_CERTIFICATE\"}";
        check();
        status = 503;
        check();

        assertThat(registry.get(EcpaMetrics.HOLDER_CHECKS).tags("outcome", "match").timer().count()).isEqualTo(1);
        assertThat(registry.get(EcpaMetrics.HOLDER_CHECKS).tags("outcome", "unknown-certificate").timer().count()).isEqualTo(1);
        assertThat(registry.get(EcpaMetrics.HOLDER_CHECKS).tags("outcome", "unavailable").timer().count()).isEqualTo(1);
        assertThat(registry.find(EcpaMetrics.HOLDER_CHECKS).tags("outcome", "mismatch").timer()).isNull();
    }

    @Test
    void aSlowServiceShowsInTheTimeAndAsUnavailable() {
        delayMillis = 1500;

        new HttpHolderVerifier(http, metrics).check(REQUEST, config("300"));

        var timer = registry.get(EcpaMetrics.HOLDER_CHECKS).tags("outcome", "unavailable").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(250);
    }
}

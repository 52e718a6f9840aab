package tw.ecpa.keycloak.holder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;

import tw.ecpa.keycloak.model.EcpaMetrics;

/**
 * Asks a holder-check service (the contract keycloak-dev's responder speaks): {@code POST} JSON
 * {@code {issuerDn, serialNumber, nationalId}}, answer {@code 200 {"result": MATCH|MISMATCH|UNKNOWN_CERTIFICATE}}.
 * Anything else, a late answer included, is UNAVAILABLE: the check fails closed and nothing is bound.
 */
final class HttpHolderVerifier implements HolderVerifier {

    private static final Logger LOG = Logger.getLogger(HttpHolderVerifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The contract's own limit on a request; an answer is a few bytes. */
    private static final int MAX_ANSWER = 8 * 1024;

    private final CloseableHttpClient http;
    private final EcpaMetrics metrics;

    HttpHolderVerifier(CloseableHttpClient http, EcpaMetrics metrics) {
        this.http = http;
        this.metrics = metrics;
    }

    /** Every question timed and counted by answer ({@link EcpaMetrics#HOLDER_CHECKS}), a missing URL included. */
    @Override
    public HolderCheck check(HolderCheckRequest request, Map<String, String> config) {
        Timer.Sample sample = metrics.start();
        HolderCheck answer = HolderCheck.UNAVAILABLE;
        try {
            answer = ask(request, config);
            return answer;
        } finally {
            metrics.holderChecked(sample, answer);
        }
    }

    private HolderCheck ask(HolderCheckRequest request, Map<String, String> config) {
        HttpHolderVerifierConfig settings = HttpHolderVerifierConfig.read(config);
        if (settings.url().isEmpty()) {
            LOG.warn("http holder verifier has no service URL configured; refusing");
            return HolderCheck.UNAVAILABLE;
        }
        int timeout = Math.toIntExact(settings.timeout().toMillis());
        HttpPost post = new HttpPost(settings.url().get());
        post.setConfig(RequestConfig.custom()
                .setConnectTimeout(timeout).setSocketTimeout(timeout).setConnectionRequestTimeout(timeout).build());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("issuerDn", request.certificate().issuerDn());
        body.put("serialNumber", request.certificate().serialHex());
        body.put("nationalId", request.nationalId().value());
        try {
            post.setEntity(new StringEntity(JSON.writeValueAsString(body), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
            try (CloseableHttpResponse response = http.execute(post)) {
                int status = response.getStatusLine().getStatusCode();
                String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                if (status != 200 || text.length() > MAX_ANSWER) {
                    LOG.warnf("holder-check service answered HTTP %d for %s", status, request);
                    return HolderCheck.UNAVAILABLE;
                }
                return result(JSON.readTree(text));
            }
        } catch (IOException | RuntimeException e) {
            // The exception class only: a message may quote what was sent.
            LOG.warnf("holder-check service unreachable for %s: %s", request, e.getClass().getSimpleName());
            return HolderCheck.UNAVAILABLE;
        }
    }

    private static HolderCheck result(JsonNode answer) {
        String result = answer == null ? "" : answer.path("result").asText("");
        return switch (result) {
            case "MATCH" -> HolderCheck.MATCH;
            case "MISMATCH" -> HolderCheck.MISMATCH;
            case "UNKNOWN_CERTIFICATE" -> HolderCheck.UNKNOWN_CERTIFICATE;
            default -> HolderCheck.UNAVAILABLE;
        };
    }
}

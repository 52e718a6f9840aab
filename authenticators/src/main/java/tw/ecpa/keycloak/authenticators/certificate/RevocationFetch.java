package tw.ecpa.keycloak.authenticators.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.http.HttpEntity;
import org.apache.http.HttpHeaders;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.Configurable;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.connections.httpclient.SafeInputStream;
import org.keycloak.models.KeycloakSession;

/**
 * One download from a revocation source (a CRL, an OCSP answer) with the server's
 * {@link HttpClientProvider} (its pool, proxy mappings and truststore), bounded by the certificate
 * step's revocation timeout. The server-wide client waits up to five seconds per read and, by default,
 * without limit for a connection; a login must not wait that long for a responder that accepted the
 * connection and went silent, or one behind a firewall that drops packets. So each request carries
 * connect, read and pool timeouts of its own, and is aborted once the whole exchange has taken the
 * timeout (a responder trickling one byte at a time is cut off too). A server-wide timeout that is
 * shorter still wins. The answer is read up to the server's limit on consumed response size.
 */
final class RevocationFetch {

    private final CloseableHttpClient client;
    private final Duration timeout;
    private final long maxResponseBytes;

    RevocationFetch(CloseableHttpClient client, Duration timeout, long maxResponseBytes) {
        this.client = client;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    static RevocationFetch of(KeycloakSession session, Duration timeout) {
        HttpClientProvider http = session.getProvider(HttpClientProvider.class);
        return new RevocationFetch(http.getHttpClient(), timeout, http.getMaxConsumedResponseSize());
    }

    byte[] get(URI url) throws IOException {
        return exchange(new HttpGet(url));
    }

    byte[] post(URI url, String contentType, byte[] body) throws IOException {
        HttpPost post = new HttpPost(url);
        post.setHeader(HttpHeaders.CONTENT_TYPE, contentType);
        post.setEntity(new ByteArrayEntity(body));
        return exchange(post);
    }

    private byte[] exchange(HttpRequestBase request) throws IOException {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        RequestConfig serverWide = client instanceof Configurable configurable && configurable.getConfig() != null
                ? configurable.getConfig() : RequestConfig.DEFAULT;
        // A copy of the server's defaults (redirects, cookie spec, ...), with every wait at most ours.
        request.setConfig(RequestConfig.copy(serverWide)
                .setConnectTimeout(shorter(serverWide.getConnectTimeout(), millis))
                .setSocketTimeout(shorter(serverWide.getSocketTimeout(), millis))
                .setConnectionRequestTimeout(shorter(serverWide.getConnectionRequestTimeout(), millis))
                .build());
        // The whole exchange: the three timeouts above each bound one wait, not their sum.
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(request::abort,
                CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
        try (CloseableHttpResponse response = client.execute(request)) {
            HttpEntity entity = response.getEntity();
            try {
                int status = response.getStatusLine().getStatusCode();
                if (status != 200 || entity == null) {
                    throw new IOException("revocation source " + request.getURI() + " answered HTTP " + status);
                }
                try (InputStream body = new SafeInputStream(entity.getContent(), maxResponseBytes)) {
                    return body.readAllBytes();
                }
            } finally {
                EntityUtils.consumeQuietly(entity);
            }
        } finally {
            // A cancelled deadline never runs: the connection goes back to the pool untouched.
            deadline.cancel(false);
        }
    }

    /** The shorter of a server-wide timeout (0 or less: none) and ours. */
    private static int shorter(int serverWide, int ours) {
        return serverWide > 0 ? Math.min(serverWide, ours) : ours;
    }
}

package tw.ecpa.keycloak.authenticators.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaRespID;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.keycloak.common.crypto.CryptoIntegration;

/**
 * The OCSP source against a responder made here with Bouncy Castle, through Keycloak's own OCSP client
 * and a real HTTP client: what the answer says, until when it holds (its nextUpdate), and that an
 * answer Keycloak's client does not believe, or a responder that never answers, is no answer.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OcspRevocationSourceTest {

    private static final TestCards PKI = new TestCards();
    private static final X509Certificate MOICA = PKI.moica.certificate();

    private final CloseableHttpClient client = HttpClients.createDefault();
    private final List<AutoCloseable> servers = new ArrayList<>();

    @BeforeAll
    static void keycloaksCryptoProvider() {
        // What the server does at boot: Keycloak's OCSP client reads its Bouncy Castle provider from here.
        CryptoIntegration.init(OcspRevocationSourceTest.class.getClassLoader());
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
        client.close();
    }

    private OcspRevocationSource source() {
        return new OcspRevocationSource(null, new RevocationFetch(client, Duration.ofMillis(500), 1024 * 1024));
    }

    /** How the responder made here answers: status, nextUpdate (null: none), and the key that signs. */
    private record Answers(CertificateStatus status, Instant nextUpdate, PrivateKey signer) {
    }

    private String responder(Answers answers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ocsp", exchange -> {
            try {
                OCSPReq request = new OCSPReq(exchange.getRequestBody().readAllBytes());
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                        new JcaRespID(MOICA.getPublicKey(), new JcaDigestCalculatorProviderBuilder().build().get(
                                org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1)));
                for (Req entry : request.getRequestList()) {
                    builder.addResponse(entry.getCertID(), answers.status(), Date.from(now),
                            answers.nextUpdate() == null ? null : Date.from(answers.nextUpdate()), null);
                }
                byte[] der = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(
                        new JcaContentSignerBuilder("SHA256withRSA").build(answers.signer()),
                        new X509CertificateHolder[] {new JcaX509CertificateHolder(MOICA)}, Date.from(now))).getEncoded();
                exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
                exchange.sendResponseHeaders(200, der.length);
                exchange.getResponseBody().write(der);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        servers.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp";
    }

    private String silentResponder() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(server);
        List<Socket> held = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(server.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return "http://127.0.0.1:" + server.getLocalPort() + "/ocsp";
    }

    /** A MOICA card whose AIA names {@code responderUrl}. */
    private static X509Certificate cardAskingAt(String responderUrl) {
        try {
            X509Certificate template = PKI.citizen().certificate();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(MOICA, template.getSerialNumber().add(java.math.BigInteger.valueOf(1_000_000)),
                    template.getNotBefore(), template.getNotAfter(), template.getSubjectX500Principal(), template.getPublicKey());
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, responderUrl)));
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(PKI.moica.key())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenAGoodAnswerThenGoodUntilItsNextUpdate() throws IOException {
        Instant nextUpdate = Instant.now().plus(Duration.ofMinutes(7)).truncatedTo(ChronoUnit.SECONDS);
        X509Certificate card = cardAskingAt(responder(new Answers(CertificateStatus.GOOD, nextUpdate, PKI.moica.key())));

        OcspQuery.OcspAnswer answer = source().answer(card, MOICA);

        assertThat(answer.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(answer.nextUpdate()).contains(nextUpdate);
    }

    @Test
    void givenARevokedAnswerThenRevoked() throws IOException {
        Instant nextUpdate = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        X509Certificate card = cardAskingAt(responder(new Answers(new RevokedStatus(new Date(), 1), nextUpdate, PKI.moica.key())));

        assertThat(source().answer(card, MOICA).status()).isEqualTo(RevocationStatus.REVOKED);
    }

    @Test
    void givenAnAnswerWithoutNextUpdateThenItSaysNone() throws IOException {
        X509Certificate card = cardAskingAt(responder(new Answers(CertificateStatus.GOOD, null, PKI.moica.key())));

        OcspQuery.OcspAnswer answer = source().answer(card, MOICA);

        assertThat(answer.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(answer.nextUpdate()).isEqualTo(Optional.empty());
    }

    @Test
    void givenAnAnswerNotSignedByTheIssuingCaThenNoAnswer() throws IOException {
        Instant nextUpdate = Instant.now().plus(Duration.ofHours(1));
        X509Certificate card = cardAskingAt(responder(new Answers(CertificateStatus.GOOD, nextUpdate, PKI.gca.key())));

        assertThat(source().answer(card, MOICA)).isEqualTo(OcspQuery.OcspAnswer.NONE);
    }

    @Test
    void givenAnAnswerLongPastItsNextUpdateThenNoAnswer() throws IOException {
        Instant longAgo = Instant.now().minus(Duration.ofHours(2));
        X509Certificate card = cardAskingAt(responder(new Answers(CertificateStatus.GOOD, longAgo, PKI.moica.key())));

        assertThat(source().answer(card, MOICA)).isEqualTo(OcspQuery.OcspAnswer.NONE);
    }

    @Test
    void givenAResponderThatAcceptsAndStaysSilentThenNoAnswerComesBack() throws IOException {
        X509Certificate card = cardAskingAt(silentResponder());

        assertThat(source().answer(card, MOICA)).isEqualTo(OcspQuery.OcspAnswer.NONE);
    }

    @Test
    void givenACertificateNamingNoResponderThenItIsNotAskedAndSaysSo() {
        X509Certificate card = PKI.citizen().certificate();

        assertThat(source().names(card)).isFalse();
        assertThat(source().answer(card, MOICA)).isEqualTo(OcspQuery.OcspAnswer.NONE);
    }
}

package tw.ecpa.keycloak.dev.revocation;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import tw.ecpa.keycloak.dev.cardworld.http.Exchanges;
import tw.ecpa.keycloak.dev.pki.CertificateAuthority;
import tw.ecpa.keycloak.dev.pki.RevocationEndpoints;
import tw.ecpa.keycloak.dev.pki.TestAuthority;
import tw.ecpa.keycloak.dev.pki.TestPki;

/** {@code GET /crl/<authority>.crl} and {@code GET /ca/<authority>.crt}: DER, as CDP and AIA clients expect. */
final class CrlHandler implements HttpHandler {

    private final TestPki pki;
    private final CrlPublisher publisher;

    CrlHandler(TestPki pki, CrlPublisher publisher) {
        this.pki = pki;
        this.publisher = publisher;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            Exchanges.methodNotAllowed(exchange, "GET, HEAD");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        Optional<CertificateAuthority> crlOf = authority(path, RevocationEndpoints.CRL_PREFIX, RevocationEndpoints.CRL_SUFFIX);
        if (crlOf.isPresent()) {
            try {
                Exchanges.send(exchange, 200, "application/pkix-crl", publisher.crl(crlOf.get()));
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            return;
        }
        Optional<CertificateAuthority> certificateOf = authority(path, RevocationEndpoints.CA_PREFIX, RevocationEndpoints.CA_SUFFIX);
        if (certificateOf.isPresent()) {
            try {
                Exchanges.send(exchange, 200, "application/pkix-cert", certificateOf.get().certificate().getEncoded());
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            return;
        }
        Exchanges.sendJson(exchange, 404, Exchanges.error("unknown_authority"));
    }

    private Optional<CertificateAuthority> authority(String path, String prefix, String suffix) {
        if (!path.startsWith(prefix) || !path.endsWith(suffix)) {
            return Optional.empty();
        }
        String name = path.substring(prefix.length(), path.length() - suffix.length());
        return Arrays.stream(TestAuthority.values())
                .filter(role -> role.authorityName().equals(name))
                .findFirst()
                .map(pki::authority);
    }
}

package tw.ecpa.keycloak.dev.revocation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import tw.ecpa.keycloak.dev.cardworld.http.FaultControl;
import tw.ecpa.keycloak.dev.cardworld.http.LocalHttpService;
import tw.ecpa.keycloak.dev.cardworld.http.ServiceFault;
import tw.ecpa.keycloak.dev.pki.IssuedCard;
import tw.ecpa.keycloak.dev.pki.RevocationEndpoints;
import tw.ecpa.keycloak.dev.pki.TestAuthority;
import tw.ecpa.keycloak.dev.pki.TestPki;

/**
 * The CRL and OCSP services of the test PKI on one 127.0.0.1 port: the URLs every test certificate's CRL
 * distribution point and AIA point at. A test revokes a card here (Java or {@code /control/revoke}) and
 * both services report it at once. The fault switch ({@link #setFault}) makes them slow, 503 or
 * unreachable, for fail-closed tests; the control API stays reachable except while refusing.
 */
public final class RevocationServices implements AutoCloseable {

    private final LocalHttpService http;
    private final TestPki pki;
    private final RevocationRegistry registry;
    private final AtomicInteger ocspAnswers = new AtomicInteger();
    private OcspResponder ocspResponder;

    private RevocationServices(LocalHttpService http, TestPki pki) {
        this.http = http;
        this.pki = pki;
        this.registry = new RevocationRegistry(pki);
    }

    /**
     * Serves {@code pki}'s revocation state on {@code http}, which must be bound to the URL the PKI's
     * certificates point at ({@link TestPki#revocationBaseUrl()}).
     */
    public static RevocationServices start(LocalHttpService http, TestPki pki) {
        if (!http.baseUrl().equals(pki.revocationBaseUrl())) {
            throw new IllegalArgumentException("the PKI points at " + pki.revocationBaseUrl() + ", not at " + http.baseUrl());
        }
        RevocationServices services = new RevocationServices(http, pki);
        CrlHandler crls = new CrlHandler(pki, new CrlPublisher(services.registry));
        http.routePrefix(RevocationEndpoints.CRL_PREFIX, crls);
        http.routePrefix(RevocationEndpoints.CA_PREFIX, crls);
        services.ocspResponder = new OcspResponder(pki, services.registry);
        OcspHandler ocsp = new OcspHandler(services.ocspResponder, services.ocspAnswers);
        http.route(RevocationEndpoints.OCSP, ocsp);
        http.routePrefix(RevocationEndpoints.OCSP + "/", ocsp);
        http.controlRoute("/control/fault", new FaultControl(http));
        http.controlRoutePrefix("/control/", new RevocationControl(services));
        http.start();
        return services;
    }

    public URI baseUrl() {
        return http.baseUrl();
    }

    public URI ocspUrl() {
        return RevocationEndpoints.ocsp(http.baseUrl());
    }

    public URI crlUrl(TestAuthority authority) {
        return RevocationEndpoints.crl(http.baseUrl(), authority);
    }

    TestPki pki() {
        return pki;
    }

    /** Revokes a card now; the next OCSP answer and the next CRL fetch say so. */
    public void revoke(String cardId, RevocationReason reason) {
        registry.revoke(pki.card(cardId), reason);
    }

    public void revoke(String cardId) {
        revoke(cardId, RevocationReason.KEY_COMPROMISE);
    }

    /** Takes a card off the revocation list (as a lifted certificateHold would). */
    public void reinstate(String cardId) {
        registry.reinstate(pki.card(cardId));
    }

    public CertificateStatus status(String cardId) {
        return registry.status(pki.card(cardId));
    }

    List<IssuedCard> revokedCards() {
        return registry.revokedCards();
    }

    /** How many OCSP requests the responder has answered since the start or the last {@link #reset()}. */
    public int ocspRequestsServed() {
        return ocspAnswers.get();
    }

    /**
     * How long each OCSP answer holds from now on (thisUpdate to nextUpdate; 10 minutes until changed or
     * reset). {@code Duration.ZERO}: every answer is already due for an update when it is given.
     */
    public void setOcspAnswerLifetime(Duration lifetime) {
        ocspResponder.setAnswerLifetime(lifetime);
    }

    public ServiceFault fault() {
        return http.fault();
    }

    public void setFault(ServiceFault fault) {
        http.setFault(fault);
    }

    /** The state the PKI was made with (only the revoked variant and CA revoked), answering normally. */
    public void reset() {
        registry.reset();
        ocspAnswers.set(0);
        ocspResponder.setAnswerLifetime(OcspResponder.ANSWER_LIFETIME);
        http.setFault(ServiceFault.normal());
    }

    @Override
    public void close() {
        http.close();
    }
}

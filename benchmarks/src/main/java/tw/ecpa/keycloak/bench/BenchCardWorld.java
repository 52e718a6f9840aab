package tw.ecpa.keycloak.bench;

import java.io.IOException;
import java.nio.file.Path;

import tw.ecpa.keycloak.dev.cardworld.http.LocalHttpService;
import tw.ecpa.keycloak.dev.holder.HolderCheckResponder;
import tw.ecpa.keycloak.dev.pki.DemoCards;
import tw.ecpa.keycloak.dev.pki.TestPki;
import tw.ecpa.keycloak.dev.revocation.RevocationServices;

/**
 * keycloak-dev's card world without the reader (the load generator signs as the card would): the test PKI
 * made for the demo people plus the bench people, its CRL and OCSP services and the holder-check
 * responder, on fixed ports so the certificates' CRL/OCSP URLs stay right for a kept database. The PKI is
 * kept in the bench data directory: making its hundreds of RSA keys takes a while and is done once.
 */
public final class BenchCardWorld implements AutoCloseable {

    public static final int REVOCATION_PORT = Integer.getInteger("bench.revocationPort", 8391);
    public static final int HOLDER_CHECK_PORT = Integer.getInteger("bench.holderCheckPort", 8392);

    private final TestPki pki;
    private final RevocationServices revocation;
    private final HolderCheckResponder holderCheck;

    private BenchCardWorld(TestPki pki, RevocationServices revocation, HolderCheckResponder holderCheck) {
        this.pki = pki;
        this.revocation = revocation;
        this.holderCheck = holderCheck;
    }

    public static BenchCardWorld start(Path pkiDirectory, DemoCards catalogue) throws IOException {
        LocalHttpService revocationHttp = LocalHttpService.bind("revocation", REVOCATION_PORT);
        LocalHttpService holderHttp = LocalHttpService.bind("holder-check", HOLDER_CHECK_PORT);
        TestPki pki = loadPki(pkiDirectory, catalogue);
        return new BenchCardWorld(pki, RevocationServices.start(revocationHttp, pki), HolderCheckResponder.start(holderHttp, pki));
    }

    /** The same PKI, read back (or made) for a process that only signs: the Gatling JVM. */
    public static TestPki loadPki(Path pkiDirectory, DemoCards catalogue) {
        return TestPki.loadOrCreate(pkiDirectory, java.net.URI.create("http://127.0.0.1:" + REVOCATION_PORT), catalogue);
    }

    public TestPki pki() {
        return pki;
    }

    public String holderCheckUrl() {
        return holderCheck.checkUrl().toString();
    }

    @Override
    public void close() {
        holderCheck.close();
        revocation.close();
    }
}

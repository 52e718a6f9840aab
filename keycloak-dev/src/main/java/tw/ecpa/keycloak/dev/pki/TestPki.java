package tw.ecpa.keycloak.dev.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The test PKI: a TEST root, a citizen CA with MOICA's DN, an agency CA with GCA's DN, a second MOICA
 * that the root has revoked, an untrusted root with its own MOICA look-alike, and one certificate per
 * catalogue card (see {@link DemoCards}).
 *
 * <p>Names and serial numbers are the same every time; keys are fresh whenever the PKI is made. The PKI
 * is kept in a directory and reused while it still fits (same revocation URL, same catalogue, nothing
 * aged), so that a developer's server keeps trusting the same root. The trust anchor is
 * {@link #trustAnchorFile()}; it must never be configured in production.
 */
public final class TestPki {

    private final PkiDirectory directory;
    private final URI revocationBaseUrl;
    private final DemoCards catalogue;
    private final Map<TestAuthority, CertificateAuthority> authorities;
    private final Map<String, IssuedCard> cards;

    private TestPki(PkiDirectory directory, URI revocationBaseUrl, DemoCards catalogue, PkiContents contents) {
        this.directory = directory;
        this.revocationBaseUrl = revocationBaseUrl;
        this.catalogue = catalogue;
        this.authorities = contents.authorities();
        Map<String, IssuedCard> byId = new LinkedHashMap<>();
        contents.cards().forEach(card -> byId.put(card.id(), card));
        this.cards = byId;
    }

    /** The PKI of the demo catalogue, its certificates pointing at revocation services under {@code revocationBaseUrl}. */
    public static TestPki loadOrCreate(Path directory, URI revocationBaseUrl) {
        return loadOrCreate(directory, revocationBaseUrl, DemoCards.fromDemoData());
    }

    public static TestPki loadOrCreate(Path directory, URI revocationBaseUrl, DemoCards catalogue) {
        PkiDirectory store = new PkiDirectory(directory.toAbsolutePath());
        Instant now = Instant.now();
        PkiContents contents = store.read(revocationBaseUrl, catalogue, now).orElseGet(() -> {
            try {
                PkiContents fresh = new PkiGenerator(revocationBaseUrl, now).generate(catalogue);
                store.write(fresh, revocationBaseUrl, catalogue);
                return fresh;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot make the test PKI", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store the test PKI in " + directory, e);
            }
        });
        return new TestPki(store, revocationBaseUrl, catalogue, contents);
    }

    public Path directory() {
        return directory.root();
    }

    public URI revocationBaseUrl() {
        return revocationBaseUrl;
    }

    public DemoCards catalogue() {
        return catalogue;
    }

    public CertificateAuthority authority(TestAuthority role) {
        return authorities.get(role);
    }

    /** Every CA, roots first. */
    public List<CertificateAuthority> authorities() {
        return Arrays.stream(TestAuthority.values()).map(authorities::get).toList();
    }

    /** The test root: the only certificate a test server should trust. */
    public X509Certificate trustAnchor() {
        return authority(TestAuthority.ROOT).certificate();
    }

    public String trustAnchorPem() {
        return Pem.certificate(trustAnchor());
    }

    /** {@code trust/test-root.pem} in the PKI directory. */
    public Path trustAnchorFile() {
        return directory.root().resolve(PkiDirectory.TRUST_ANCHOR);
    }

    /** {@code trust/test-issuing-cas.pem}: the issuing CAs under the test root (the revoked one too), for servers that want the intermediates. */
    public Path issuingCasFile() {
        return directory.root().resolve(PkiDirectory.ISSUING_CAS);
    }

    /** Every card, in catalogue order. */
    public List<IssuedCard> cards() {
        return List.copyOf(cards.values());
    }

    public IssuedCard card(String cardId) {
        return findCard(cardId).orElseThrow(() -> new IllegalArgumentException("no card " + cardId));
    }

    public Optional<IssuedCard> findCard(String cardId) {
        return Optional.ofNullable(cards.get(cardId));
    }

    public IssuedCard card(CardVariant variant) {
        return card(catalogue.variant(variant).id());
    }
}

package tw.ecpa.keycloak.dev.pki;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The test PKI on disk, so that a developer's browser and server keep trusting the same root between
 * runs:
 * <pre>
 * pki.json                      format, revocation base URL, catalogue digest (written last)
 * authorities/&lt;name&gt;.crt, .key   CA certificate and unencrypted PKCS#8 key (PEM)
 * cards/&lt;card-id&gt;.p12           key and chain, password = the card's PIN
 * cards/&lt;card-id&gt;.crt           the card's certificate (PEM)
 * trust/test-root.pem           the one trust anchor
 * trust/test-issuing-cas.pem    the issuing CAs under the test root (citizen, agency, revoked citizen)
 * </pre>
 * A stored PKI is reused only when it was made for the same revocation URL and the same catalogue, and
 * every certificate still shows what it was made to show (see {@link Validity}); otherwise it is made
 * anew. Only the entries above are ever deleted.
 */
final class PkiDirectory {

    static final String TRUST_ANCHOR = "trust/test-root.pem";
    static final String ISSUING_CAS = "trust/test-issuing-cas.pem";

    private static final System.Logger LOG = System.getLogger(PkiDirectory.class.getName());
    /** 2: issuing CA certificates name the OCSP responder; the revoked citizen CA. */
    private static final int FORMAT = 2;
    private static final String MANIFEST = "pki.json";
    private static final String NOTICE = "README.txt";
    private static final List<String> MANAGED_DIRECTORIES = List.of("authorities", "cards", "trust");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    PkiDirectory(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The stored PKI, when it may be reused. */
    Optional<PkiContents> read(URI revocationBaseUrl, DemoCards catalogue, Instant now) {
        try {
            JsonNode manifest = JSON.readTree(Files.readAllBytes(root.resolve(MANIFEST)));
            String mismatch = manifestMismatch(manifest, revocationBaseUrl, catalogue);
            if (mismatch != null) {
                LOG.log(System.Logger.Level.INFO, "Making a new test PKI in {0}: {1}", root, mismatch);
                return Optional.empty();
            }
            PkiContents contents = readContents(catalogue);
            if (!stillFresh(contents, now)) {
                LOG.log(System.Logger.Level.INFO, "Making a new test PKI in {0}: a certificate has aged", root);
                return Optional.empty();
            }
            return Optional.of(contents);
        } catch (NoSuchFileException e) {
            LOG.log(System.Logger.Level.INFO, "Making a new test PKI in {0}", root);
            return Optional.empty();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "Making a new test PKI in {0}: the stored one is unreadable ({1})",
                    root, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    void write(PkiContents contents, URI revocationBaseUrl, DemoCards catalogue) throws IOException {
        clear();
        for (String directory : MANAGED_DIRECTORIES) {
            Files.createDirectories(root.resolve(directory));
        }
        for (CertificateAuthority authority : contents.authorities().values()) {
            writeText(authorityFile(authority.role(), ".crt"), Pem.certificate(authority.certificate()));
            writeText(authorityFile(authority.role(), ".key"), Pem.privateKey(authority.privateKey()));
        }
        for (IssuedCard card : contents.cards()) {
            Files.write(cardFile(card.card(), ".p12"), card.pkcs12());
            writeText(cardFile(card.card(), ".crt"), Pem.certificate(card.certificate()));
        }
        writeText(root.resolve(TRUST_ANCHOR), Pem.certificate(contents.authorities().get(TestAuthority.ROOT).certificate()));
        writeText(root.resolve(ISSUING_CAS),
                Pem.certificate(contents.authorities().get(TestAuthority.CITIZEN_CA).certificate())
                        + Pem.certificate(contents.authorities().get(TestAuthority.AGENCY_CA).certificate())
                        // Configured like the others, as an operator would before learning of the revocation.
                        + Pem.certificate(contents.authorities().get(TestAuthority.REVOKED_CITIZEN_CA).certificate()));
        writeText(root.resolve(NOTICE), """
                TEST PKI of ecpa-keycloak's card world. Every key here is a test key, stored unencrypted.
                Never add trust/test-root.pem to a production truststore.
                Made and remade by tw.ecpa.keycloak.dev.pki.TestPki; do not edit.
                """);
        ObjectNode manifest = JSON.createObjectNode()
                .put("format", FORMAT)
                .put("revocationBaseUrl", revocationBaseUrl.toString())
                .put("catalogue", catalogue.fingerprint())
                .put("createdAt", Instant.now().toString());
        writeText(root.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
    }

    private static String manifestMismatch(JsonNode manifest, URI revocationBaseUrl, DemoCards catalogue) {
        if (manifest.path("format").asInt() != FORMAT) {
            return "the stored one has another format";
        }
        if (!revocationBaseUrl.toString().equals(manifest.path("revocationBaseUrl").asText())) {
            return "the revocation URL changed to " + revocationBaseUrl;
        }
        if (!catalogue.fingerprint().equals(manifest.path("catalogue").asText())) {
            return "the card catalogue changed";
        }
        return null;
    }

    private PkiContents readContents(DemoCards catalogue) throws IOException, GeneralSecurityException {
        Map<TestAuthority, CertificateAuthority> authorities = new EnumMap<>(TestAuthority.class);
        for (TestAuthority role : TestAuthority.values()) {
            X509Certificate certificate = Pem.readCertificate(readText(authorityFile(role, ".crt")));
            PrivateKey key = Pem.readRsaPrivateKey(readText(authorityFile(role, ".key")));
            authorities.put(role, new CertificateAuthority(role, certificate, key, role.parent().map(authorities::get).orElse(null)));
        }
        List<IssuedCard> cards = new ArrayList<>();
        for (DemoCard card : catalogue.all()) {
            cards.add(IssuedCard.read(card, authorities.get(card.issuer()), Files.readAllBytes(cardFile(card, ".p12"))));
        }
        return new PkiContents(authorities, cards);
    }

    private static boolean stillFresh(PkiContents contents, Instant now) {
        return contents.authorities().values().stream()
                        .allMatch(authority -> Validity.authorityStillFresh(authority.certificate(), now))
                && contents.cards().stream()
                        .allMatch(card -> Validity.cardStillFresh(card.card().variant(), card.certificate(), now));
    }

    private void clear() throws IOException {
        for (String directory : MANAGED_DIRECTORIES) {
            Path path = root.resolve(directory);
            if (Files.isDirectory(path)) {
                try (Stream<Path> entries = Files.walk(path)) {
                    for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(entry);
                    }
                }
            }
        }
        Files.deleteIfExists(root.resolve(MANIFEST));
        Files.deleteIfExists(root.resolve(NOTICE));
        Files.createDirectories(root);
    }

    private Path authorityFile(TestAuthority role, String extension) {
        return root.resolve("authorities").resolve(role.authorityName() + extension);
    }

    private Path cardFile(DemoCard card, String extension) {
        return root.resolve("cards").resolve(card.id() + extension);
    }

    private static void writeText(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String readText(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}

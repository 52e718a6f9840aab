package tw.ecpa.keycloak.authenticators.certificate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The authorities a card's certificate must chain to, from the execution's configuration: the roots
 * (production GRCA; tests the test PKI's root) and the issuing CAs (MOICA, GCA) in PEM. Only configured
 * roots are trusted: a certificate naming MOICA's DN proves nothing unless its signature chains to one.
 */
final class TrustAnchors {

    /**
     * Anchors already parsed, by their PEM text. Every certificate login reads the execution's settings
     * afresh; parsing the same few certificates each time was about 2 % of a login's CPU in the
     * benchmarks' profile. Keyed by the text itself, so a changed setting takes effect on the next login,
     * on every node, with nothing to invalidate. Bounded: a realm has a handful of certificate settings.
     */
    private static final Map<Pem, TrustAnchors> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 32;

    private record Pem(String roots, String issuingCas) {
    }

    private final Set<TrustAnchor> roots;
    private final List<X509Certificate> issuingCas;

    private TrustAnchors(Set<TrustAnchor> roots, List<X509Certificate> issuingCas) {
        this.roots = roots;
        this.issuingCas = issuingCas;
    }

    /** Like {@link #fromPem}, reusing the anchors parsed from the same text before. */
    static TrustAnchors of(String rootsPem, String issuingCasPem) {
        Pem key = new Pem(rootsPem == null ? "" : rootsPem, issuingCasPem == null ? "" : issuingCasPem);
        TrustAnchors known = PARSED.get(key);
        if (known != null) {
            return known;
        }
        TrustAnchors parsed = fromPem(rootsPem, issuingCasPem); // unusable text throws and is not kept
        if (PARSED.size() >= MAX_PARSED) {
            PARSED.clear();
        }
        PARSED.put(key, parsed);
        return parsed;
    }

    /** @throws IllegalArgumentException when a PEM block is not a certificate, or no root is given */
    static TrustAnchors fromPem(String rootsPem, String issuingCasPem) {
        Set<TrustAnchor> roots = certificates(rootsPem).stream()
                .map(root -> new TrustAnchor(root, null))
                .collect(Collectors.toUnmodifiableSet());
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("no trust anchor configured");
        }
        return new TrustAnchors(roots, certificates(issuingCasPem));
    }

    static List<X509Certificate> certificates(String pem) {
        if (pem == null || pem.isBlank()) {
            return List.of();
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Collection<? extends Certificate> parsed = factory.generateCertificates(
                    new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : parsed) {
                certificates.add((X509Certificate) certificate);
            }
            return List.copyOf(certificates);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not PEM certificates", e);
        }
    }

    /**
     * The path from {@code certificate} to a configured root, card first, root left out; empty when
     * there is none. Signatures, names and CA constraints are checked here; validity periods are not
     * (the path is built as of the card's own notBefore), because an expired card must be told apart
     * from an untrusted one, and revocation has its own step.
     */
    Optional<List<X509Certificate>> pathFor(X509Certificate certificate) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(roots, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(new Date(certificate.getNotBefore().getTime()));
            List<X509Certificate> candidates = new ArrayList<>(issuingCas);
            candidates.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(candidates)));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
            List<X509Certificate> path = new ArrayList<>();
            for (Certificate element : result.getCertPath().getCertificates()) {
                path.add((X509Certificate) element);
            }
            path.add(result.getTrustAnchor().getTrustedCert());
            return Optional.of(List.copyOf(path));
        } catch (CertPathBuilderException e) {
            return Optional.empty();
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("PKIX path building is not available", e);
        }
    }
}

package tw.ecpa.keycloak.dev.pki;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes a new test PKI: fresh RSA 2048 keys, deterministic names and serials. Keys are generated in
 * parallel because they are almost all of the time a generation takes.
 */
final class PkiGenerator {

    private static final int KEY_BITS = 2048;

    private final CertificateIssuer issuer;
    private final Instant now;

    PkiGenerator(URI revocationBaseUrl, Instant now) {
        this.issuer = new CertificateIssuer(revocationBaseUrl);
        this.now = now;
    }

    PkiContents generate(DemoCards catalogue) throws GeneralSecurityException {
        Map<TestAuthority, CertificateAuthority> authorities = new EnumMap<>(TestAuthority.class);
        Map<TestAuthority, KeyPair> authorityKeys = inParallel(List.of(TestAuthority.values()), role -> newKeyPair());
        // Declaration order lists every parent before its children.
        for (TestAuthority role : TestAuthority.values()) {
            CertificateAuthority parent = role.parent().map(authorities::get).orElse(null);
            KeyPair keys = authorityKeys.get(role);
            X509Certificate certificate = issuer.authority(role, keys, parent, Validity.forAuthority(role, now));
            authorities.put(role, new CertificateAuthority(role, certificate, keys.getPrivate(), parent));
        }
        Map<DemoCard, IssuedCard> cards = inParallel(catalogue.all(), card -> issue(card, authorities.get(card.issuer())));
        return new PkiContents(authorities, catalogue.all().stream().map(cards::get).toList());
    }

    private IssuedCard issue(DemoCard card, CertificateAuthority authority) throws GeneralSecurityException {
        KeyPair keys = newKeyPair();
        X509Certificate certificate = issuer.card(card, keys.getPublic(), authority,
                Validity.forCard(card.variant(), now));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(authority.chain());
        return new IssuedCard(card, authority, certificate, IssuedCard.pkcs12(card, keys.getPrivate(), chain));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(KEY_BITS);
        return generator.generateKeyPair();
    }

    private static <T, R> Map<T, R> inParallel(List<T> items, Step<T, R> step) throws GeneralSecurityException {
        try {
            return items.parallelStream().collect(Collectors.toConcurrentMap(Function.identity(), item -> {
                try {
                    return step.apply(item);
                } catch (GeneralSecurityException e) {
                    throw new StepFailed(e);
                }
            }));
        } catch (StepFailed e) {
            throw e.cause;
        }
    }

    @FunctionalInterface
    private interface Step<T, R> {
        R apply(T item) throws GeneralSecurityException;
    }

    /** Carries a checked failure out of a parallel stream. */
    private static final class StepFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient GeneralSecurityException cause;

        StepFailed(GeneralSecurityException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}

package tw.ecpa.keycloak.dev.revocation;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import tw.ecpa.keycloak.dev.pki.CardVariant;
import tw.ecpa.keycloak.dev.pki.CertificateAuthority;
import tw.ecpa.keycloak.dev.pki.IssuedCard;
import tw.ecpa.keycloak.dev.pki.TestAuthority;
import tw.ecpa.keycloak.dev.pki.TestPki;

/**
 * The revocation state of the test PKI, shared by the CRL and OCSP services so that a revocation shows
 * in both at once. Every change bumps {@link #version()}, which tells the CRL publisher to sign anew.
 * Cards can be revoked and reinstated at run time; of the CAs, {@link TestAuthority#REVOKED_CITIZEN_CA}
 * is revoked by its root from the start, and the others never are.
 */
final class RevocationRegistry {

    /** When the revoked variant was revoked: shortly after it was issued, so always in the past. */
    private static final Duration INITIAL_REVOCATION_AFTER_ISSUE = Duration.ofHours(1);

    private final Map<TestAuthority, Map<BigInteger, IssuedCard>> cardsByIssuer = new EnumMap<>(TestAuthority.class);
    private final Map<TestAuthority, Set<BigInteger>> subordinatesByIssuer = new EnumMap<>(TestAuthority.class);
    /** The revoked CA certificates, by serial, with the role of the CA that revoked them. */
    private final Map<TestAuthority, Map<BigInteger, CertificateStatus>> revokedSubordinates = new EnumMap<>(TestAuthority.class);
    private final Map<String, CertificateStatus> revoked = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final TestPki pki;

    RevocationRegistry(TestPki pki) {
        this.pki = pki;
        for (TestAuthority role : TestAuthority.values()) {
            cardsByIssuer.put(role, new HashMap<>());
            subordinatesByIssuer.put(role, pki.authorities().stream()
                    .filter(ca -> ca.parent().map(parent -> parent.role() == role).orElse(false))
                    .map(ca -> ca.certificate().getSerialNumber())
                    .collect(Collectors.toUnmodifiableSet()));
        }
        pki.cards().forEach(card -> cardsByIssuer.get(card.issuer().role()).put(card.serialNumber(), card));
        for (TestAuthority role : TestAuthority.values()) {
            revokedSubordinates.put(role, Map.of());
        }
        CertificateAuthority revokedCa = pki.authority(TestAuthority.REVOKED_CITIZEN_CA);
        Instant caIssued = revokedCa.certificate().getNotBefore().toInstant();
        revokedSubordinates.put(revokedCa.parent().orElseThrow().role(), Map.of(revokedCa.certificate().getSerialNumber(),
                CertificateStatus.revoked(caIssued.plus(INITIAL_REVOCATION_AFTER_ISSUE), RevocationReason.CA_COMPROMISE)));
        reset();
    }

    /** Back to the state the PKI was made with: only the revoked variant is revoked. */
    synchronized void reset() {
        revoked.clear();
        pki.cards().stream().filter(card -> card.card().variant() == CardVariant.REVOKED).forEach(card -> {
            Instant issued = card.certificate().getNotBefore().toInstant();
            revoked.put(card.id(), CertificateStatus.revoked(issued.plus(INITIAL_REVOCATION_AFTER_ISSUE),
                    RevocationReason.KEY_COMPROMISE));
        });
        version.incrementAndGet();
    }

    synchronized void revoke(IssuedCard card, RevocationReason reason) {
        revoked.put(card.id(), CertificateStatus.revoked(Instant.now().truncatedTo(ChronoUnit.SECONDS), reason));
        version.incrementAndGet();
    }

    synchronized void reinstate(IssuedCard card) {
        revoked.remove(card.id());
        version.incrementAndGet();
    }

    CertificateStatus status(IssuedCard card) {
        return revoked.getOrDefault(card.id(), CertificateStatus.GOOD);
    }

    /** The status of serial {@code serial} issued by {@code issuer}: UNKNOWN when the CA never issued it. */
    CertificateStatus status(CertificateAuthority issuer, BigInteger serial) {
        IssuedCard card = cardsByIssuer.get(issuer.role()).get(serial);
        if (card != null) {
            return status(card);
        }
        if (!subordinatesByIssuer.get(issuer.role()).contains(serial)) {
            return CertificateStatus.UNKNOWN;
        }
        return revokedSubordinates.get(issuer.role()).getOrDefault(serial, CertificateStatus.GOOD);
    }

    /** The revoked CA certificates {@code issuer} signed, by serial, for its CRL. */
    Map<BigInteger, CertificateStatus> revokedAuthoritiesOf(CertificateAuthority issuer) {
        return revokedSubordinates.get(issuer.role());
    }

    /** The revoked cards of one CA, for its CRL. */
    List<IssuedCard> revokedBy(CertificateAuthority issuer) {
        return cardsByIssuer.get(issuer.role()).values().stream()
                .filter(card -> revoked.containsKey(card.id()))
                .toList();
    }

    /** Every revoked card, for the control API. */
    List<IssuedCard> revokedCards() {
        return pki.cards().stream().filter(card -> revoked.containsKey(card.id())).toList();
    }

    long version() {
        return version.get();
    }
}

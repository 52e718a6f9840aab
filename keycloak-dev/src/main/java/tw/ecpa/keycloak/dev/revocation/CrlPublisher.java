package tw.ecpa.keycloak.dev.revocation;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import tw.ecpa.keycloak.dev.pki.CertificateAuthority;
import tw.ecpa.keycloak.dev.pki.IssuedCard;
import tw.ecpa.keycloak.dev.pki.TestAuthority;

/**
 * Signs each CA's CRL, and signs it again as soon as the revocation state changes, so that a run-time
 * revocation is in the very next fetch. Between changes the CRL is reissued every few minutes, long
 * before its {@code nextUpdate}, so a cached copy never goes stale while the service runs.
 */
final class CrlPublisher {

    static final Duration LIFETIME = Duration.ofHours(1);
    private static final Duration REISSUE_AFTER = Duration.ofMinutes(5);
    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private final RevocationRegistry registry;
    private final Map<TestAuthority, SignedCrl> signed = new ConcurrentHashMap<>();
    /** Time-seeded, so that CRL numbers keep increasing across restarts too. */
    private final AtomicLong crlNumber = new AtomicLong(Instant.now().getEpochSecond() * 1_000);

    CrlPublisher(RevocationRegistry registry) {
        this.registry = registry;
    }

    /** The current DER CRL of {@code authority}. */
    byte[] crl(CertificateAuthority authority) throws GeneralSecurityException {
        Instant now = Instant.now();
        SignedCrl current = signed.get(authority.role());
        if (current != null && current.version() == registry.version() && now.isBefore(current.issued().plus(REISSUE_AFTER))) {
            return current.der();
        }
        // The version is read before the state, so a change made while signing forces another signature.
        long version = registry.version();
        SignedCrl fresh = new SignedCrl(version, now, sign(authority, now));
        signed.put(authority.role(), fresh);
        return fresh.der();
    }

    private byte[] sign(CertificateAuthority authority, Instant now) throws GeneralSecurityException {
        Instant thisUpdate = now.truncatedTo(ChronoUnit.SECONDS);
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(authority.subject().getEncoded()), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(thisUpdate.plus(LIFETIME)));
        for (IssuedCard card : registry.revokedBy(authority)) {
            CertificateStatus status = registry.status(card);
            builder.addCRLEntry(card.serialNumber(), Date.from(status.revokedAt()), status.reason().code());
        }
        registry.revokedAuthoritiesOf(authority).forEach((serial, status) ->
                builder.addCRLEntry(serial, Date.from(status.revokedAt()), status.reason().code()));
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(authority.certificate()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber.incrementAndGet())));
            return builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(authority.privateKey())).getEncoded();
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the CRL of " + authority.name(), e);
        }
    }

    private record SignedCrl(long version, Instant issued, byte[] der) {
    }
}

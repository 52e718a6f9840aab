package tw.ecpa.keycloak.authenticators.binding;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

import javax.security.auth.x500.X500Principal;

/**
 * The first form's look-up key of a bound certificate: {@code <sha256(issuer DN)>:<serial hex>}, the value of
 * {@link BoundCertificates#INDEX_ATTRIBUTE} for bindings made before {@link CardFingerprint}. The issuer DN
 * goes in canonical form (RFC 2253 spellings of one DN give one key). Issuer and serial are unique per CA,
 * but two CAs may share a DN (MOICA G2 and G3), which is why bindings are now keyed by the certificate itself.
 */
public record CertificateKey(String value) {

    public static CertificateKey of(X509Certificate certificate) {
        return new CertificateKey(digest(certificate.getIssuerX500Principal()) + ":" + certificate.getSerialNumber().toString(16));
    }

    public static CertificateKey of(String issuerDn, String serialHex) {
        return new CertificateKey(digest(new X500Principal(issuerDn)) + ":" + new BigInteger(serialHex, 16).toString(16));
    }

    private static String digest(X500Principal issuer) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(issuer.getName(X500Principal.CANONICAL).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

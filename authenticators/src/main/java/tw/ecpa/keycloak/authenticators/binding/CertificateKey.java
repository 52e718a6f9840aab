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
 * What identifies a certificate for the look-up by certificate: {@code <sha256(issuer DN)>:<serial hex>}.
 * The issuer DN goes in canonical form (RFC 2253 spellings of one DN give one key) and hashed, so the
 * value is short and of fixed shape whatever the DN; issuer and serial together are unique by X.509.
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

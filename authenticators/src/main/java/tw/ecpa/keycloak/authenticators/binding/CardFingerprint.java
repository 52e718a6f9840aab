package tw.ecpa.keycloak.authenticators.binding;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * What a binding is keyed by: the SHA-256 of the card certificate's DER encoding, in lower-case hex. It
 * names this one certificate, whoever issued it: two CAs with the same DN (MOICA's G2 and G3 share theirs)
 * and the same serial still give two keys, and a renewed card is a new certificate with a new key.
 */
public record CardFingerprint(String value) {

    public CardFingerprint {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 in lower-case hex is needed");
        }
    }

    public static CardFingerprint of(X509Certificate certificate) {
        try {
            return new CardFingerprint(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a verified certificate has a DER encoding and every JDK has SHA-256", e);
        }
    }
}

package tw.ecpa.keycloak.dev.pki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Numbers derived from names, so that every generation of the test PKI gives the same certificate
 * serials, subject serial numbers, card numbers and agency PINs, while the keys are always fresh.
 */
final class DeterministicNumbers {

    private static final String DOMAIN = "ecpa-keycloak-test-pki/";
    private static final int SERIAL_BYTES = 16;

    private DeterministicNumbers() {
    }

    /** A positive certificate serial of at most 127 bits (well inside RFC 5280's 20 octets). */
    static BigInteger certificateSerial(String entity) {
        byte[] bytes = new byte[SERIAL_BYTES];
        System.arraycopy(sha256("serial/" + entity), 0, bytes, 0, SERIAL_BYTES);
        bytes[0] &= 0x7F;
        // Never zero, and never so short that the hex form loses its leading digits' meaning.
        bytes[0] |= 0x40;
        return new BigInteger(1, bytes);
    }

    /** {@code count} decimal digits (at most 40) derived from {@code seed}. */
    static String digits(String seed, int count) {
        String all = new BigInteger(1, sha256("digits/" + seed)).toString();
        return all.substring(all.length() - count);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((DOMAIN + text).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

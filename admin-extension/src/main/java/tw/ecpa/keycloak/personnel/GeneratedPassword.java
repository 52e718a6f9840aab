package tw.ecpa.keycloak.personnel;

import java.security.SecureRandom;

/**
 * The password a reset e-mails, like the guide's {@code K5L6H5W8}: upper-case letters and digits
 * without the look-alikes 0/O and 1/I, because the person reads it off a letter and types it once.
 * It lives only in memory between generation, hashing and the letter: never logged, never returned,
 * never stored in clear.
 */
final class GeneratedPassword {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int DEFAULT_LENGTH = 8;
    static final int MIN_LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final char[] value;

    private GeneratedPassword(char[] value) {
        this.value = value;
    }

    static GeneratedPassword ofLength(int length) {
        if (length < MIN_LENGTH) {
            throw new IllegalArgumentException("a generated password has at least " + MIN_LENGTH + " characters");
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new GeneratedPassword(chars);
    }

    /** The clear text, for the hash and the letter only. */
    String reveal() {
        return new String(value);
    }

    int length() {
        return value.length;
    }

    /** Never the password: an object that ends up in a log line stays harmless. */
    @Override
    public String toString() {
        return "GeneratedPassword[" + value.length + " characters]";
    }
}

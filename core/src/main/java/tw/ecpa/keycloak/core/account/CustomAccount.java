package tw.ecpa.keycloak.core.account;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

import tw.ecpa.keycloak.core.NationalId;

/**
 * The rules of a custom account (自訂帳號), the name a person chooses to log in with instead of their
 * national ID.
 *
 * <ul>
 *   <li>4 to 30 characters;</li>
 *   <li>lower-case ASCII letters, digits, {@code .}, {@code _} and {@code -}, starting with a letter
 *       (input is trimmed and lower-cased first, as Keycloak stores usernames in lower case);</li>
 *   <li>never shaped like a national ID or resident number, checksum or not, so that nobody can
 *       take another person's ID as their account;</li>
 *   <li>never starting with {@value #PLACEHOLDER_PREFIX}, the prefix of the placeholder username of
 *       people who have no custom account yet.</li>
 * </ul>
 * No {@code @} is allowed, so an account can never be mistaken for an e-mail address. Uniqueness is
 * not a rule here: the database decides it, at the moment the account is saved.
 */
public final class CustomAccount {

    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 30;
    /** What the personnel import uses as the username of people without a custom account. */
    public static final String PLACEHOLDER_PREFIX = "ecpa-";

    /** No 0/o, 1/l look-alikes, so that a placeholder read aloud to the help desk is unambiguous. */
    private static final String PLACEHOLDER_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    /** 16 characters of 32: 80 bits, so that two placeholders never meet. */
    private static final int PLACEHOLDER_LENGTH = 16;

    /** Why a string is not an acceptable custom account; message keys are derived from these names. */
    public enum Problem { EMPTY, TOO_SHORT, TOO_LONG, LOOKS_LIKE_NATIONAL_ID, RESERVED_PREFIX, BAD_CHARACTERS, MUST_START_WITH_LETTER }

    private CustomAccount() {
    }

    /** Trimmed and lower-cased, the way the account will be stored; {@code null} stays {@code null}. */
    public static String normalise(String input) {
        return input == null ? null : input.strip().toLowerCase(Locale.ROOT);
    }

    /** The first rule a (normalised) candidate breaks, or empty when it is acceptable. */
    public static Optional<Problem> problem(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.of(Problem.EMPTY);
        }
        if (NationalId.looksLikeNationalId(candidate)) {
            return Optional.of(Problem.LOOKS_LIKE_NATIONAL_ID);
        }
        if (candidate.length() < MIN_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (candidate.length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (isPlaceholder(candidate)) {
            return Optional.of(Problem.RESERVED_PREFIX);
        }
        for (int i = 0; i < candidate.length(); i++) {
            if (!isAllowed(candidate.charAt(i))) {
                return Optional.of(Problem.BAD_CHARACTERS);
            }
        }
        if (!isLetter(candidate.charAt(0))) {
            return Optional.of(Problem.MUST_START_WITH_LETTER);
        }
        return Optional.empty();
    }

    public static boolean isValid(String candidate) {
        return problem(candidate).isEmpty();
    }

    /** Whether a username is the placeholder of someone who has not chosen a custom account yet. */
    public static boolean isPlaceholder(String username) {
        return username != null && username.toLowerCase(Locale.ROOT).startsWith(PLACEHOLDER_PREFIX);
    }

    /**
     * A new placeholder username ({@value #PLACEHOLDER_PREFIX} and 16 random characters) for someone who
     * has no custom account yet: it cannot be mistaken for an ID and no custom account may take it.
     */
    public static String newPlaceholder(RandomGenerator random) {
        StringBuilder name = new StringBuilder(PLACEHOLDER_PREFIX);
        for (int i = 0; i < PLACEHOLDER_LENGTH; i++) {
            name.append(PLACEHOLDER_ALPHABET.charAt(random.nextInt(PLACEHOLDER_ALPHABET.length())));
        }
        return name.toString();
    }

    private static boolean isAllowed(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}

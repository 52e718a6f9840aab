package tw.ecpa.keycloak.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A Taiwanese national identification number (身分證統一編號) or resident number (居留證統一證號).
 *
 * <p>Three shapes are accepted, each with the same weighted checksum:
 * <ul>
 *   <li>citizen: a letter, 1 or 2, eight digits ({@code A123456789});</li>
 *   <li>new resident number (since 2021): a letter, 8 or 9, eight digits ({@code A800000014});</li>
 *   <li>old resident number: two letters (the second A–D), eight digits ({@code AC01234567}).</li>
 * </ul>
 * Only the canonical form is accepted: upper-case ASCII, no spaces. Callers that take user input
 * decide themselves whether to {@link #normalise(String) normalise} it first; the value object never
 * guesses.
 */
public final class NationalId {

    /** Kind of number, as the format tells it. */
    public enum Kind { CITIZEN, RESIDENT, OLD_RESIDENT }

    /** Why a string is not a national ID; message keys are derived from these names. */
    public enum Problem { EMPTY, WRONG_LENGTH, WRONG_FORMAT, WRONG_CHECKSUM }

    /** The area-code value of each leading letter, A..Z, as the Ministry of the Interior assigns them. */
    private static final int[] LETTER_VALUES = {
        10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21,
        22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33
    };
    private static final int LENGTH = 10;

    private final String value;
    private final Kind kind;

    private NationalId(String value, Kind kind) {
        this.value = value;
        this.kind = kind;
    }

    /** Parses a canonical national ID; empty when {@link #problem(String)} finds one. */
    public static Optional<NationalId> parse(String candidate) {
        if (problem(candidate).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new NationalId(candidate, kindOf(candidate)));
    }

    /** Like {@link #parse(String)} for values already known to be valid, such as stored ones. */
    public static NationalId of(String candidate) {
        return parse(candidate).orElseThrow(() -> new IllegalArgumentException(
                "not a national ID: " + problem(candidate).orElseThrow()));
    }

    public static boolean isValid(String candidate) {
        return problem(candidate).isEmpty();
    }

    /**
     * Whether a string has the shape of a national ID or resident number, checksum or not. A custom
     * account must never have this shape, so that nobody can take another person's ID as an account.
     */
    public static boolean looksLikeNationalId(String candidate) {
        if (candidate == null) {
            return false;
        }
        String upper = candidate.strip().toUpperCase(java.util.Locale.ROOT);
        return upper.length() == LENGTH && kindOf(upper) != null;
    }

    /** The first thing wrong with a candidate, or empty when it is a valid canonical national ID. */
    public static Optional<Problem> problem(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.of(Problem.EMPTY);
        }
        if (candidate.length() != LENGTH) {
            return Optional.of(Problem.WRONG_LENGTH);
        }
        Kind kind = kindOf(candidate);
        if (kind == null) {
            return Optional.of(Problem.WRONG_FORMAT);
        }
        return checksumHolds(candidate, kind) ? Optional.empty() : Optional.of(Problem.WRONG_CHECKSUM);
    }

    /**
     * What a person most likely meant: trims, upper-cases, and turns full-width letters and digits
     * (as typed with a Chinese input method) into ASCII. The result still has to be parsed.
     */
    public static String normalise(String input) {
        if (input == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(input.length());
        input.strip().codePoints().forEach(cp -> {
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                cp -= 0xFEE0;
            }
            out.appendCodePoint(cp);
        });
        return out.toString().toUpperCase(java.util.Locale.ROOT);
    }

    private static Kind kindOf(String s) {
        if (!isAsciiUpper(s.charAt(0))) {
            return null;
        }
        for (int i = 2; i < LENGTH; i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return null;
            }
        }
        char second = s.charAt(1);
        if (second == '1' || second == '2') {
            return Kind.CITIZEN;
        }
        if (second == '8' || second == '9') {
            return Kind.RESIDENT;
        }
        if (second >= 'A' && second <= 'D') {
            return Kind.OLD_RESIDENT;
        }
        return null;
    }

    private static boolean checksumHolds(String s, Kind kind) {
        int area = LETTER_VALUES[s.charAt(0) - 'A'];
        // An old resident number's second letter counts with the last digit of its own letter value.
        int second = kind == Kind.OLD_RESIDENT ? LETTER_VALUES[s.charAt(1) - 'A'] % 10 : s.charAt(1) - '0';
        int sum = area / 10 + (area % 10) * 9 + second * 8;
        for (int i = 2; i < 9; i++) {
            sum += (s.charAt(i) - '0') * (9 - i);
        }
        sum += s.charAt(9) - '0';
        return sum % 10 == 0;
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public Kind kind() {
        return kind;
    }

    /** The last four digits, as a citizen certificate carries them in subjectDirectoryAttributes. */
    public String lastFourDigits() {
        return value.substring(LENGTH - 4);
    }

    /** The ID as the guide shows it in lists: {@code S2*****662}. */
    public String masked() {
        return NationalIdMask.mask(value);
    }

    /** The full value. Personal data: never log it, never put it in an event. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NationalId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /** Masked on purpose, so that an ID that ends up in a log line or exception stays masked. */
    @Override
    public String toString() {
        return masked();
    }
}

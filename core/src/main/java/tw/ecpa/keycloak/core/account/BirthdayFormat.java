package tw.ecpa.keycloak.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import tw.ecpa.keycloak.core.RocDate;

/**
 * How a person proves their birthday after a password reset (請輸入您的生日). The guide's screen asks
 * for a short "birthday code" with the example {@code 09}; the realm chooses how much of the date it
 * asks for.
 */
public enum BirthdayFormat {

    /** The guide's short code: the two-digit day of the month, {@code 12} for 12 May 1980. */
    SHORT_CODE("dd", 2),
    /** Month and day, {@code 0512}. */
    MONTH_DAY("MMdd", 4),
    /** The full date in the ROC calendar as the personnel records write it, {@code 0690512}. */
    ROC_DATE(null, 7);

    /**
     * The full ROC date: the birthday is the second secret besides the e-mailed password, and a
     * two-digit code has only 31 values, which a brute-force limit of a few attempts does not protect
     * well. Realms that want the guide's screen exactly choose {@link #SHORT_CODE}.
     */
    public static final BirthdayFormat DEFAULT = ROC_DATE;

    private final DateTimeFormatter pattern;
    private final int digits;

    BirthdayFormat(String pattern, int digits) {
        this.pattern = pattern == null ? null : DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        this.digits = digits;
    }

    /** How many digits the person types: 2, 4 or 7. */
    public int digits() {
        return digits;
    }

    /**
     * Whether the typed text is a code of this format at all (the right number of digits), whatever the
     * date. Someone typing the guide's 2-digit 生日碼 where the realm asks for 7 digits made no guess at
     * anyone's birthday: they are told the format, and it is no failed login. A well-formed wrong date is.
     */
    public boolean isWellFormed(String typed) {
        return digitsOf(typed).filter(code -> code.length() == digits).isPresent();
    }

    /** The format named in a configuration, or {@link #DEFAULT} when the name is missing or unknown. */
    public static BirthdayFormat fromConfig(String name) {
        if (name == null || name.isBlank()) {
            return DEFAULT;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }

    /** What a person born on {@code birthday} has to type. */
    public String codeOf(LocalDate birthday) {
        return pattern == null ? RocDate.compact(birthday) : pattern.format(birthday);
    }

    /** An example for the page, for a fixed date so that it never shows anyone's real birthday. */
    public String example() {
        return codeOf(LocalDate.of(1980, 5, 9));
    }

    /**
     * Whether the typed code matches the birthday. Full-width digits and the separators people type
     * ({@code / - .} and spaces) are accepted; the comparison takes the same time wherever it differs.
     */
    public boolean matches(LocalDate birthday, String typed) {
        Optional<String> digits = digitsOf(typed);
        if (birthday == null || digits.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(codeOf(birthday).getBytes(StandardCharsets.US_ASCII),
                digits.get().getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<String> digitsOf(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (int cp : typed.strip().codePoints().toArray()) {
            if (cp >= 0xFF10 && cp <= 0xFF19) {
                cp -= 0xFEE0;
            }
            if (cp >= '0' && cp <= '9') {
                out.append((char) cp);
            } else if (cp != '/' && cp != '-' && cp != '.' && cp != ' ') {
                return Optional.empty();
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out.toString());
    }
}

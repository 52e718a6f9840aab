package tw.ecpa.keycloak.core.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the password a reset e-mails opens the birthday step: a number and a unit, {@code 7d} (the
 * default), {@code 36h}, {@code 90m} or {@code 30s}; a bare number counts days. The letter sits in a
 * mailbox, which is no place for a secret that never expires (ASVS 5.0 wants reset secrets short-lived);
 * a week covers a letter read after a long weekend. Seconds exist for tests and nothing else.
 */
public record GeneratedPasswordLifespan(Duration duration) {

    public static final GeneratedPasswordLifespan DEFAULT = new GeneratedPasswordLifespan(Duration.ofDays(7));
    /**
     * The setting lives with the step the password opens: the configuration of the required action
     * {@value #REQUIRED_ACTION} (the reset marks the account with it), key {@value #CONFIG_KEY}.
     */
    public static final String REQUIRED_ACTION = "ecpa-birthday-password";
    public static final String CONFIG_KEY = "generated-password-lifespan";
    private static final Pattern SETTING = Pattern.compile("(\\d{1,9})\\s*([dhms]?)");

    public GeneratedPasswordLifespan {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a generated password lives at least one second");
        }
    }

    /** The lifespan a setting names; empty for a setting that names none (blank, zero, unknown unit). */
    public static Optional<GeneratedPasswordLifespan> parse(String setting) {
        if (setting == null) {
            return Optional.empty();
        }
        Matcher matcher = SETTING.matcher(setting.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        if (amount == 0) {
            return Optional.empty();
        }
        Duration duration = switch (matcher.group(2)) {
            case "h" -> Duration.ofHours(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofDays(amount);
        };
        return Optional.of(new GeneratedPasswordLifespan(duration));
    }

    /** The configured lifespan, or {@link #DEFAULT} when the setting is missing or names none. */
    public static GeneratedPasswordLifespan fromConfig(String setting) {
        return parse(setting).orElse(DEFAULT);
    }

    /** Whether a password generated at {@code generatedAt} has expired at {@code now}. */
    public boolean hasExpired(Instant generatedAt, Instant now) {
        return !generatedAt.plus(duration).isAfter(now);
    }
}

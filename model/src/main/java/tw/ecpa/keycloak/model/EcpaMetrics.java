package tw.ecpa.keycloak.model;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * The meters an operator watches on Keycloak's management interface ({@code /metrics}, with
 * {@code --metrics-enabled=true}), next to Keycloak's own: what Keycloak's user-event metrics cannot say
 * (how a login was made, how long a revocation source or the holder-check service took, who reset a
 * password, which letter did not go out). The names are written here only, for every module that counts;
 * docs/operations.md ("Metrics and alerts") lists them with their tags.
 *
 * <p>Every tag value is one of a few fixed words (a method, an outcome, an event error code), never
 * anything a person typed or owns: no ID, account, e-mail, serial, user id, PIN or password. On a server
 * without metrics the global registry holds no registry and counting costs next to nothing.
 */
public final class EcpaMetrics {

    /** Counter: LOGIN and LOGIN_ERROR events by {@code method}, {@code outcome} and {@code error}. */
    public static final String LOGINS = "ecpa.logins";
    /** Timer: one revocation source asked about one certificate, by {@code source} and {@code outcome}. */
    public static final String REVOCATION_CHECKS = "ecpa.revocation.checks";
    /** Timer: one question to the holder-check service, by {@code outcome}. */
    public static final String HOLDER_CHECKS = "ecpa.holder.checks";
    /** Counter: passwords reset, or reset links mailed, by {@code method}. */
    public static final String PASSWORD_RESETS = "ecpa.password.resets";
    /** Counter: letters the mail server did not take, by {@code letter}. */
    public static final String MAIL_FAILURES = "ecpa.mail.failures";

    /** The {@code method} of a reset link that 忘記密碼 mailed (the personnel API's methods are its own). */
    public static final String FORGOT_PASSWORD = "forgot-password";
    /** The {@code method} of a login event that names none of {@link LoginMethod} (another realm's login, say). */
    static final String OTHER = "other";

    /** An event error is a code of Keycloak's or ours; anything else is counted as {@value #OTHER}. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Duration FASTEST = Duration.ofMillis(1);
    private static final Duration SLOWEST = Duration.ofSeconds(30);

    /** The letters whose failures {@link #MAIL_FAILURES} counts, as its {@code letter} tag names them. */
    public enum Letter {
        /** The personnel reset letter with the generated password. */
        PASSWORD_RESET("password-reset"),
        /** The notice to the address a reset replaced. */
        EMAIL_CHANGED("email-changed"),
        /** 忘記密碼's first-login ways, to someone without a password. */
        FIRST_LOGIN_WAYS("first-login-ways"),
        /** Keycloak's own reset link, sent by the reset-credentials flow after 忘記密碼. */
        RESET_LINK("reset-link");

        private final String tag;

        Letter(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final MeterRegistry registry;

    public EcpaMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The meters on the registry Keycloak's Quarkus publishes at {@code /metrics}. */
    public static EcpaMetrics global() {
        return new EcpaMetrics(Metrics.globalRegistry);
    }

    /** A login event: {@code error} empty for LOGIN, the LOGIN_ERROR's error code otherwise. */
    public void login(Optional<LoginMethod> method, Optional<String> error) {
        Counter.builder(LOGINS)
                .description("ECPA login events by login method, outcome and event error")
                .tag("method", method.map(LoginMethod::id).orElse(OTHER))
                .tag("outcome", error.isPresent() ? "failure" : "success")
                .tag("error", error.map(code -> ERROR_CODE.matcher(code).matches() ? code : OTHER).orElse(""))
                .register(registry).increment();
    }

    /** A password reset done by {@code method} (the personnel API's reset methods, {@link #FORGOT_PASSWORD}). */
    public void passwordReset(String method) {
        Counter.builder(PASSWORD_RESETS)
                .description("ECPA password resets (personnel API) and reset links mailed (forgot password), by method")
                .tag("method", method)
                .register(registry).increment();
    }

    public void mailFailed(Letter letter) {
        Counter.builder(MAIL_FAILURES)
                .description("ECPA letters the mail server did not take, by letter")
                .tag("letter", letter.tag())
                .register(registry).increment();
    }

    /** Starts timing a revocation source's or the holder-check service's answer. */
    public Timer.Sample start() {
        return Timer.start(registry);
    }

    /** @param source {@code crl} or {@code ocsp}; @param outcome the source's answer: good, revoked, unavailable */
    public void revocationChecked(Timer.Sample sample, String source, Enum<?> outcome) {
        sample.stop(timer(REVOCATION_CHECKS, "ECPA revocation checks (CRL, OCSP) of one certificate, by source and answer")
                .tag("source", source)
                .tag("outcome", tag(outcome))
                .register(registry));
    }

    /** @param outcome the service's answer: match, mismatch, unknown-certificate, unavailable */
    public void holderChecked(Timer.Sample sample, Enum<?> outcome) {
        sample.stop(timer(HOLDER_CHECKS, "ECPA holder-check service questions, by answer")
                .tag("outcome", tag(outcome))
                .register(registry));
    }

    private static Timer.Builder timer(String name, String description) {
        return Timer.builder(name).description(description)
                .publishPercentileHistogram().minimumExpectedValue(FASTEST).maximumExpectedValue(SLOWEST);
    }

    /** An answer's constant as a tag: UNKNOWN_CERTIFICATE → unknown-certificate. */
    private static String tag(Enum<?> outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package tw.ecpa.keycloak.dev.pki;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A certificate's validity period, chosen relative to the moment the PKI is made, and the check that a
 * stored PKI still shows what each certificate was made to show.
 */
record Validity(Instant notBefore, Instant notAfter) {

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration YEAR = Duration.ofDays(365);
    /** How long the expiring-soon card has left when the PKI is made: inside the server's 30-day notice. */
    private static final Duration EXPIRING_IN = Duration.ofDays(20);
    /** The stored expiring-soon card is remade once it has less than this left, so it is never expired in a run. */
    private static final Duration EXPIRING_AT_LEAST = Duration.ofDays(7);
    /** A stored PKI is remade when something would change its meaning within this margin. */
    static final Duration FRESHNESS_MARGIN = Duration.ofDays(30);

    static Validity forAuthority(TestAuthority authority, Instant now) {
        Instant start = now.minus(YEAR.multipliedBy(10)).truncatedTo(ChronoUnit.SECONDS);
        Duration lifetime = authority.parent().isEmpty() ? YEAR.multipliedBy(30) : YEAR.multipliedBy(25);
        return new Validity(start, start.plus(lifetime));
    }

    static Validity forCard(CardVariant variant, Instant now) {
        Instant today = now.truncatedTo(ChronoUnit.SECONDS);
        return switch (variant) {
            case EXPIRED -> new Validity(today.minus(YEAR.multipliedBy(5)), today.minus(DAY));
            case EXPIRING_SOON -> new Validity(today.minus(YEAR.multipliedBy(5)).plus(EXPIRING_IN), today.plus(EXPIRING_IN));
            case NOT_YET_VALID -> new Validity(today.plus(YEAR), today.plus(YEAR.multipliedBy(6)));
            default -> new Validity(today.minus(DAY), today.plus(YEAR.multipliedBy(5)));
        };
    }

    /** Whether a stored authority certificate stays valid past the margin. */
    static boolean authorityStillFresh(X509Certificate certificate, Instant now) {
        return certificate.getNotBefore().toInstant().isBefore(now)
                && certificate.getNotAfter().toInstant().isAfter(now.plus(FRESHNESS_MARGIN));
    }

    /** Whether a stored card certificate still is what its variant says, now and within the margin. */
    static boolean cardStillFresh(CardVariant variant, X509Certificate certificate, Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        Instant later = now.plus(FRESHNESS_MARGIN);
        return switch (variant) {
            case EXPIRED -> notAfter.isBefore(now);
            // Within the 30-day notice, and far enough from expiry to stay valid through a run.
            case EXPIRING_SOON -> notBefore.isBefore(now) && notAfter.isAfter(now.plus(EXPIRING_AT_LEAST))
                    && !notAfter.isAfter(now.plus(EXPIRING_IN));
            case NOT_YET_VALID -> notBefore.isAfter(later);
            default -> notBefore.isBefore(now) && notAfter.isAfter(later);
        };
    }
}

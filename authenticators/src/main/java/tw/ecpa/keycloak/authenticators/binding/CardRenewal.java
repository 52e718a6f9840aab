package tw.ecpa.keycloak.authenticators.binding;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a person should be told to renew their card: a bound card ends within {@link #NOTICE} and no other
 * bound card outlasts that window. A citizen card is renewed at a household registration office or MOICA and
 * the new card has a new certificate, which logs nobody in until it is bound (自然人憑證上傳); the notice
 * comes while the old card still works, so the person can bind the new one with it, or with the password.
 * A card already expired is no longer a reason: its certificate logs in no one, and the account console
 * marks it expired.
 */
public final class CardRenewal {

    /** How long before a card's end the person is told: 30 days, as the issue asks and MOICA's own mails do. */
    public static final Duration NOTICE = Duration.ofDays(30);

    /** The card that ends soon: its credential, its label, its last day (Taiwan time) and the days left until then. */
    public record Expiring(String credentialId, String label, LocalDate lastDay, long daysLeft) {
    }

    private CardRenewal() {
    }

    /** The soonest-ending bound card within the notice, unless a renewed card is bound already. */
    public static Optional<Expiring> due(List<BoundCertificateCredentialModel> cards, Instant now) {
        long nowMillis = now.toEpochMilli();
        long noticeEnd = now.plus(NOTICE).toEpochMilli();
        boolean renewedBound = cards.stream().map(BoundCertificateCredentialModel::data)
                .anyMatch(data -> data.notBefore() <= nowMillis && data.notAfter() > noticeEnd);
        if (renewedBound) {
            return Optional.empty();
        }
        return cards.stream()
                .filter(card -> endsWithinNotice(card.data(), now))
                .min(Comparator.comparingLong(card -> card.data().notAfter()))
                .map(card -> expiring(card, now));
    }

    /** Whether this card still works now and ends within the notice. */
    static boolean endsWithinNotice(BoundCertificateData data, Instant now) {
        return !data.expiredAt(now.toEpochMilli()) && data.notAfter() <= now.plus(NOTICE).toEpochMilli();
    }

    /** Days from today to the card's last day, both as dates in Taiwan: 0 on the last day itself. */
    static long daysLeft(BoundCertificateData data, Instant now) {
        return ChronoUnit.DAYS.between(now.atZone(BoundCertificateLabel.TAIWAN).toLocalDate(), BoundCertificateLabel.date(data.notAfter()));
    }

    private static Expiring expiring(BoundCertificateCredentialModel card, Instant now) {
        BoundCertificateData data = card.data();
        String label = card.getUserLabel() == null || card.getUserLabel().isBlank() ? BoundCertificateLabel.of(data) : card.getUserLabel();
        return new Expiring(card.getId(), label, BoundCertificateLabel.date(data.notAfter()), daysLeft(data, now));
    }
}

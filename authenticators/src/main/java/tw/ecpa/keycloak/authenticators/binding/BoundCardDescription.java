package tw.ecpa.keycloak.authenticators.binding;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Properties;

/**
 * The line a person reads about one of their bound cards: the stored label (issuer, serial, validity),
 * then {@value #EXPIRED} once the card has expired (or {@value #EXPIRING} in its last 30 days) and {@value #LAST_USED} with the time of its last
 * certificate login (Taiwan time). Message texts come from the caller, in the reader's language.
 */
final class BoundCardDescription {

    static final String EXPIRED = "ecpa.myArea.cardExpired";
    /** Still valid, ending within {@link CardRenewal#NOTICE}: its last day, the days left, what to do. */
    static final String EXPIRING = "ecpa.myArea.cardExpiring";
    static final String LAST_USED = "ecpa.myArea.cardLastUsed";
    static final String NEVER_USED = "ecpa.myArea.cardNeverUsed";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Properties messages;

    BoundCardDescription(Properties messages) {
        this.messages = messages;
    }

    /** {@code lastUsed}: when the card last logged its person in ({@link BoundCertificates#lastUsed}), empty if never. */
    String describe(BoundCertificateCredentialModel credential, Optional<Instant> lastUsed, Instant now) {
        BoundCertificateData data = credential.data();
        String label = credential.getUserLabel() == null || credential.getUserLabel().isBlank()
                ? BoundCertificateLabel.of(data) : credential.getUserLabel();
        StringBuilder line = new StringBuilder(label);
        if (data.expiredAt(now.toEpochMilli())) {
            line.append(" · ").append(text(EXPIRED));
        } else if (CardRenewal.endsWithinNotice(data, now)) {
            line.append(" · ").append(text(EXPIRING, BoundCertificateLabel.date(data.notAfter()).toString(),
                    Long.toString(CardRenewal.daysLeft(data, now))));
        }
        if (lastUsed.isEmpty()) {
            line.append(" · ").append(text(NEVER_USED));
        } else {
            LocalDateTime used = LocalDateTime.ofInstant(lastUsed.get(), BoundCertificateLabel.TAIWAN);
            line.append(" · ").append(text(LAST_USED, MINUTES.format(used)));
        }
        return line.toString();
    }

    private String text(String key, Object... parameters) {
        String pattern = messages.getProperty(key, key);
        return parameters.length == 0 ? pattern : new MessageFormat(pattern).format(parameters);
    }
}

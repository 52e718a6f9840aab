package tw.ecpa.keycloak.authenticators.notices;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tw.ecpa.keycloak.core.RocDate;

/**
 * What a notice says, as the e-mail template's attributes: which change, when (Taiwan time, the ROC date
 * in Chinese), and for a bound card the last day it is valid. Nothing else: no password, no PIN, no link,
 * and not the card's issuer or serial, so a notice read by someone else tells them nothing that opens the
 * account. The help-desk line for "this was not me" is the template's own.
 */
record NoticeMail(CredentialNotice notice, Map<String, Object> attributes) {

    static final String CHANGE = "change";
    static final String CHANGED_AT = "changedAt";
    static final String CARD_VALID_UNTIL = "cardValidUntil";

    /** The portal serves Taiwan: the time of the change as a person there reads a clock. */
    static final ZoneId PORTAL_ZONE = ZoneId.of("Asia/Taipei");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    static NoticeMail of(CredentialNotice notice, Instant changedAt, Locale locale, Optional<Instant> cardValidUntil) {
        boolean english = "en".equals(locale.getLanguage());
        ZonedDateTime when = changedAt.atZone(PORTAL_ZONE);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(CHANGE, notice.changeKey());
        attributes.put(CHANGED_AT, english
                ? ENGLISH_DATE.format(when) + ", " + TIME.format(when) + " (Taipei time)"
                : date(when.toLocalDate(), false) + " " + TIME.format(when));
        if (notice == CredentialNotice.CARD_BOUND) {
            cardValidUntil.ifPresent(until -> attributes.put(CARD_VALID_UNTIL, date(until.atZone(PORTAL_ZONE).toLocalDate(), english)));
        }
        return new NoticeMail(notice, Map.copyOf(attributes));
    }

    private static String date(LocalDate date, boolean english) {
        return english ? ENGLISH_DATE.format(date) : RocDate.display(date);
    }
}

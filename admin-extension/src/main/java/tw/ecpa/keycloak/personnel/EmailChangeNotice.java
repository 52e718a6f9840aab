package tw.ecpa.keycloak.personnel;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.EmailMask;
import tw.ecpa.keycloak.core.RocDate;
import tw.ecpa.keycloak.model.Agencies;

/**
 * The notice to the address a reset replaced: the account's e-mail was changed by a password reset,
 * by whom (the role and the agency, e.g. 示範部 的 人事人員) and when, to which address (masked). It
 * holds no password and no link, so whoever reads the old mailbox learns nothing that opens the
 * account, while its owner learns that the letter went elsewhere and whom to ask. Templates
 * {@value #TEMPLATE} under html/ and text/.
 */
final class EmailChangeNotice {

    static final String TEMPLATE = "ecpa-email-changed.ftl";
    static final String SUBJECT = "ecpa.mail.emailChanged.subject";
    /** The portal serves Taiwan: the time of the change as a person there reads a clock. */
    private static final ZoneId PORTAL_ZONE = ZoneId.of("Asia/Taipei");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final KeycloakSession session;
    private final RealmModel realm;

    EmailChangeNotice(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Sends to {@code previousEmail}, in the person's language; throws when the mail server does not take it. */
    void send(UserModel person, String previousEmail, Caller requester, Agencies agencies) throws EmailException {
        Locale locale = session.getContext().resolveLocale(person);
        ZonedDateTime now = ZonedDateTime.now(PORTAL_ZONE);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("requesterRole", roleKey(requester));
        attributes.put("requesterAgency", agencies.nameOf(requester.agencyCode(), locale));
        attributes.put("changedAt", "en".equals(locale.getLanguage())
                ? ENGLISH_DATE.format(now) + ", " + TIME.format(now) + " (Taipei time)"
                : RocDate.display(now.toLocalDate()) + " " + TIME.format(now));
        attributes.put("newEmailMasked", EmailMask.mask(person.getEmail()));
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(person)
                .send(SUBJECT, List.of(), TEMPLATE, attributes, previousEmail);
    }

    /** The requester's role as the notice names it: the old address's owner may not know the officer by name. */
    static String roleKey(Caller requester) {
        ResetMethod method = requester.method().orElse(ResetMethod.OFFICER);
        return switch (method) {
            case AGENCY_CERTIFICATE -> "ecpa.mail.role.agencyCertificate";
            case HELP_DESK -> "ecpa.mail.role.helpDesk";
            case OFFICER -> requester.isChief() ? "ecpa.mail.role.chief" : "ecpa.mail.role.officer";
        };
    }
}

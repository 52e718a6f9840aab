package tw.ecpa.keycloak.authenticators.notices;

import java.util.Map;
import java.util.Optional;

import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

import tw.ecpa.keycloak.model.BoundCertificateCredential;

/**
 * Which change of a person's credentials a user event reports, and so which notice the person gets. Only
 * successful events count (an {@code _ERROR} event changed nothing, and the notice's own failure event is
 * one, so the listener never hears itself). A password reset by an officer, agency-certificate holder or
 * help desk is no user event: its letter, sent by the personnel API, is that reset's notice.
 */
enum CredentialNotice {

    CARD_BOUND("card-bound", "ecpa.mail.notice.card-bound.subject", "ecpa.mail.notice.card-bound.change"),
    CARD_REMOVED("card-removed", "ecpa.mail.notice.card-removed.subject", "ecpa.mail.notice.card-removed.change"),
    PASSWORD_CHANGED("password-changed", "ecpa.mail.notice.password-changed.subject", "ecpa.mail.notice.password-changed.change");

    /** Detail of the failure event naming the notice that was not sent. */
    static final String EVENT_DETAIL = "ecpa_notice";
    /** The error of the failure event: the change stands, its notice did not go out. */
    static final String NOTICE_FAILED = "ecpa_notice_failed";
    static final String TEMPLATE = "ecpa-credential-changed.ftl";
    private static final String PASSWORD = "password";
    /** 自然人憑證上傳 of a card already the person's: nothing was bound, nothing to tell. */
    private static final String ALREADY_BOUND = "already";

    private final String id;
    private final String subjectKey;
    private final String changeKey;

    CredentialNotice(String id, String subjectKey, String changeKey) {
        this.id = id;
        this.subjectKey = subjectKey;
        this.changeKey = changeKey;
    }

    String id() {
        return id;
    }

    /** The subject's message key in the e-mail theme. */
    String subjectKey() {
        return subjectKey;
    }

    /** The sentence saying what changed, a message key in the e-mail theme ({0}: when). */
    String changeKey() {
        return changeKey;
    }

    static Optional<CredentialNotice> of(Event event) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        String type = details.get(Details.CREDENTIAL_TYPE);
        if (event.getUserId() == null || event.getRealmId() == null || event.getError() != null) {
            return Optional.empty();
        }
        return switch (event.getType()) {
            case UPDATE_CREDENTIAL -> {
                if (BoundCertificateCredential.TYPE.equals(type)) {
                    yield ALREADY_BOUND.equals(details.get("certificate_bound")) ? Optional.empty() : Optional.of(CARD_BOUND);
                }
                yield PASSWORD.equals(type) ? Optional.of(PASSWORD_CHANGED) : Optional.empty();
            }
            // Keycloak's password page sends UPDATE_PASSWORD beside UPDATE_CREDENTIAL, the birthday step only
            // UPDATE_PASSWORD: both mean the password changed; the listener sends one notice per request.
            case UPDATE_PASSWORD -> Optional.of(PASSWORD_CHANGED);
            case REMOVE_CREDENTIAL -> BoundCertificateCredential.TYPE.equals(type) ? Optional.of(CARD_REMOVED) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /**
     * The failure event's type: the change's own kind of event, as an error. A password change is
     * {@code UPDATE_CREDENTIAL_ERROR} whichever of its two events came first (Keycloak deprecates
     * {@code UPDATE_PASSWORD}).
     */
    EventType failureType() {
        return this == CARD_REMOVED ? EventType.REMOVE_CREDENTIAL_ERROR : EventType.UPDATE_CREDENTIAL_ERROR;
    }
}

package tw.ecpa.keycloak.core.certificate;

import java.util.Optional;

/**
 * Why the card component (HiPKI local server, 跨平台網頁元件) did not sign, from the {@code ret_code} and
 * {@code last_error} of its answer. Codes as public MOICA/GCA integrations decode them; {@code last_error}
 * is the PKCS#11 return value of the card operation that failed.
 *
 * <p>Each problem carries the event error recorded for it and the message key shown to the person.
 */
public enum CardProblem {

    /** CKR_PIN_INCORRECT: three wrong PINs in a row lock the card. */
    WRONG_PIN("ecpa_card_wrong_pin", "ecpa.card.wrongPin"),
    /** CKR_PIN_LEN_RANGE: the card's PIN has 6 to 8 characters; not counted as a wrong PIN. */
    WRONG_PIN_LENGTH("ecpa_card_wrong_pin_length", "ecpa.card.wrongPinLength"),
    /** CKR_PIN_LOCKED: unblocked at MOICA (citizen) or GCA (agency). */
    CARD_LOCKED("ecpa_card_locked", "ecpa.card.locked"),
    NO_PIN("ecpa_card_no_pin", "ecpa.card.noPin"),
    NO_CARD("ecpa_card_not_inserted", "ecpa.card.noCard"),
    NO_READER("ecpa_card_no_reader", "ecpa.card.noReader"),
    CANCELLED("ecpa_card_cancelled", "ecpa.card.cancelled"),
    /** The popup could not reach the local component: it is not installed or not running. */
    COMPONENT_NOT_RUNNING("ecpa_card_component_unavailable", "ecpa.card.componentNotRunning"),
    /** The component refuses this site's origin: an installation or configuration problem, not the user's. */
    ORIGIN_REFUSED("ecpa_card_origin_refused", "ecpa.card.originRefused"),
    /** Any other code: logged in hex with the event, shown as a generic card failure. */
    OTHER("ecpa_card_error", "ecpa.card.otherError");

    public static final long NO_CARD_CODE = 0x76000006L;
    public static final long NO_READER_CODE = 0x76100003L;
    public static final long CARD_LOGIN_FAILED_CODE = 0x76100006L;
    public static final long NO_PIN_CODE = 0x76000998L;
    public static final long CANCELLED_CODE = 0x76000999L;
    public static final long COMPONENT_TIMEOUT_CODE = 0x7600000DL;
    public static final long FORBIDDEN_ORIGIN_CODE = 0x7600000FL;
    public static final long CKR_PIN_INCORRECT = 0xA0L;
    public static final long CKR_PIN_LEN_RANGE = 0xA2L;
    public static final long CKR_PIN_LOCKED = 0xA4L;

    private final String eventError;
    private final String messageKey;

    CardProblem(String eventError, String messageKey) {
        this.eventError = eventError;
        this.messageKey = messageKey;
    }

    /**
     * The problem the codes describe, or empty when the card signed ({@code ret_code} 0). The PIN
     * answers come first: the component reports every failed card login with one {@code ret_code} and
     * tells them apart only by {@code last_error}.
     */
    public static Optional<CardProblem> of(long retCode, long lastError) {
        if (retCode == 0) {
            return Optional.empty();
        }
        if (retCode == CARD_LOGIN_FAILED_CODE || lastError != 0) {
            if (lastError == CKR_PIN_INCORRECT) {
                return Optional.of(WRONG_PIN);
            }
            if (lastError == CKR_PIN_LEN_RANGE) {
                return Optional.of(WRONG_PIN_LENGTH);
            }
            if (lastError == CKR_PIN_LOCKED) {
                return Optional.of(CARD_LOCKED);
            }
        }
        if (retCode == NO_CARD_CODE) {
            return Optional.of(NO_CARD);
        }
        if (retCode == NO_READER_CODE) {
            return Optional.of(NO_READER);
        }
        if (retCode == NO_PIN_CODE) {
            return Optional.of(NO_PIN);
        }
        if (retCode == CANCELLED_CODE) {
            return Optional.of(CANCELLED);
        }
        if (retCode == COMPONENT_TIMEOUT_CODE) {
            return Optional.of(COMPONENT_NOT_RUNNING);
        }
        if (retCode == FORBIDDEN_ORIGIN_CODE) {
            return Optional.of(ORIGIN_REFUSED);
        }
        return Optional.of(OTHER);
    }

    /** The code as integrations print it, e.g. {@code 0x76000006}. */
    public static String hex(long code) {
        return "0x" + Long.toHexString(code).toUpperCase(java.util.Locale.ROOT);
    }

    public String eventError() {
        return eventError;
    }

    public String messageKey() {
        return messageKey;
    }
}

package tw.ecpa.keycloak.dev.card;

import java.security.PrivateKey;
import java.util.Optional;

import tw.ecpa.keycloak.dev.pki.IssuedCard;

/**
 * A smart card in the virtual reader: the card's PKCS#12 file stands for its chip, and the chip's PIN
 * counter lives here. Three wrong PINs in a row block the card, and then even the right PIN is refused
 * until the card is unblocked (at MOICA for citizen cards, at GCA for agency cards); a right PIN before
 * that resets the count. A PIN of the wrong length never reaches the chip, so it does not count.
 */
final class VirtualCard {

    static final int MAX_WRONG_PINS = 3;
    static final int MIN_PIN_LENGTH = 6;
    static final int MAX_PIN_LENGTH = 8;

    private final IssuedCard issued;
    private int consecutiveWrongPins;
    private boolean locked;

    VirtualCard(IssuedCard issued) {
        this.issued = issued;
    }

    IssuedCard issued() {
        return issued;
    }

    String id() {
        return issued.id();
    }

    /** C_Login: the key, or the PKCS#11 error the chip answers. */
    synchronized PrivateKey login(String pin) throws HiPkiError {
        if (pin.length() < MIN_PIN_LENGTH || pin.length() > MAX_PIN_LENGTH) {
            throw new HiPkiError(HiPkiCodes.CARD_LOGIN_FAILED, HiPkiCodes.CKR_PIN_LEN_RANGE);
        }
        if (locked) {
            throw new HiPkiError(HiPkiCodes.CARD_LOGIN_FAILED, HiPkiCodes.CKR_PIN_LOCKED);
        }
        Optional<PrivateKey> key = issued.unlock(pin.toCharArray());
        if (key.isEmpty()) {
            consecutiveWrongPins++;
            locked = consecutiveWrongPins >= MAX_WRONG_PINS;
            throw new HiPkiError(HiPkiCodes.CARD_LOGIN_FAILED, HiPkiCodes.CKR_PIN_INCORRECT);
        }
        consecutiveWrongPins = 0;
        return key.get();
    }

    synchronized void lock() {
        locked = true;
    }

    /** The unblock MOICA or GCA performs: the card works again with its PIN. */
    synchronized void unlock() {
        locked = false;
        consecutiveWrongPins = 0;
    }

    synchronized CardState state() {
        return new CardState(id(), locked, consecutiveWrongPins);
    }
}

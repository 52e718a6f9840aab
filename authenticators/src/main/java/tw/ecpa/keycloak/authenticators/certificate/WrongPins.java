package tw.ecpa.keycloak.authenticators.certificate;

import org.keycloak.sessions.AuthenticationSessionModel;

import tw.ecpa.keycloak.core.certificate.CardProblem;

/**
 * Wrong card PINs in a row in this login, to tell the person how many tries are left before the card
 * locks itself. The card keeps the real counter and the component does not report it; a wrong PIN
 * answer carries no certificate, so the count is of this browser's attempt. Wrong PINs typed elsewhere
 * also count on the card, which is why the page says "at most". The third in a row says the card is
 * now locked, with where to unblock it.
 */
final class WrongPins {

    /** What MOICA and GCA cards allow before they lock (三次錯誤即鎖卡). */
    static final int CARD_LOCKS_AFTER = 3;
    static final String IN_A_ROW_NOTE = "ecpa.card.wrongPinsInARow";
    static final String LOCKED_NOW = "ecpa.card.lockedNow";

    private WrongPins() {
    }

    /** Counts one more wrong PIN and answers with the tries left, or with "now locked" at the limit. */
    static CardAnswerCheck.Refused counted(AuthenticationSessionModel authSession, CardProblem wrongPin) {
        int inARow = inARow(authSession) + 1;
        authSession.setAuthNote(IN_A_ROW_NOTE, Integer.toString(inARow));
        int left = CARD_LOCKS_AFTER - inARow;
        if (left <= 0) {
            return new CardAnswerCheck.Refused(wrongPin.eventError(), LOCKED_NOW);
        }
        return new CardAnswerCheck.Refused(wrongPin.eventError(), wrongPin.messageKey(), left);
    }

    static void forget(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(IN_A_ROW_NOTE);
    }

    private static int inARow(AuthenticationSessionModel authSession) {
        try {
            String note = authSession.getAuthNote(IN_A_ROW_NOTE);
            return note == null ? 0 : Math.max(0, Integer.parseInt(note));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package tw.ecpa.keycloak.authenticators.cardbinding;

import java.time.Duration;

import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

import tw.ecpa.keycloak.authenticators.binding.CardFingerprint;

/**
 * How many refused bindings a card has had lately, so the binding page cannot be used as an oracle of who
 * is on record, who has left, and whose ID goes with which card. Counted on the card (its {@link
 * CardFingerprint}), whatever ID was typed and in however many auth sessions, and on the auth session.
 *
 * <p>The card's count lives in Keycloak's single-use store (the cluster-wide {@code actionTokens} cache),
 * as {@code max} numbered slots, each kept for the window from the failure that took it: a failure takes
 * the first free slot with {@code putIfAbsent}, which is atomic across the cluster, so two nodes never take
 * the same slot and no failure is lost. The card is held once every slot is taken, i.e. after {@code max}
 * failures within the window, and is free again as the oldest expires. The auth session keeps its own count
 * in a note. A binding that succeeds clears both.
 */
final class BindingAttempts {

    static final String SESSION_FAILURES_NOTE = "ecpa.binding.failures";
    private static final String KEY_PREFIX = "ecpa.binding.failure:";

    private final SingleUseObjectProvider store;
    private final String cardKey;
    private final int max;
    private final Duration window;

    BindingAttempts(SingleUseObjectProvider store, RealmModel realm, CardFingerprint card, int max, Duration window) {
        this.store = store;
        this.cardKey = KEY_PREFIX + realm.getId() + ":" + card.value() + ":";
        this.max = max;
        this.window = window;
    }

    /** Whether the card or this auth session has used up its refusals: then nothing is looked up at all. */
    boolean exhausted(AuthenticationSessionModel authSession) {
        return sessionFailures(authSession) >= max || freeSlot() < 0;
    }

    /** Counts one refused binding on the card and on the auth session. */
    void failed(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(SESSION_FAILURES_NOTE, Integer.toString(sessionFailures(authSession) + 1));
        long lifespan = Math.max(1, window.toSeconds());
        for (int slot = 1; slot <= max; slot++) {
            if (store.putIfAbsent(cardKey + slot, lifespan)) {
                return;
            }
        }
    }

    /** The card is bound: its refusals count no more. */
    void succeeded(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(SESSION_FAILURES_NOTE);
        for (int slot = 1; slot <= max; slot++) {
            store.remove(cardKey + slot);
        }
    }

    private int freeSlot() {
        for (int slot = 1; slot <= max; slot++) {
            if (!store.contains(cardKey + slot)) {
                return slot;
            }
        }
        return -1;
    }

    private static int sessionFailures(AuthenticationSessionModel authSession) {
        String value = authSession.getAuthNote(SESSION_FAILURES_NOTE);
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

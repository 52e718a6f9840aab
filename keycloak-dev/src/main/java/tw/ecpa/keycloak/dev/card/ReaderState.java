package tw.ecpa.keycloak.dev.card;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tw.ecpa.keycloak.dev.pki.IssuedCard;

/** The reader's hardware: whether a reader is attached, which card is in it, and the cards on the desk. */
final class ReaderState {

    private final Map<String, VirtualCard> cards = new LinkedHashMap<>();
    private final String initialCardId;
    private boolean readerConnected = true;
    private VirtualCard inserted;

    ReaderState(Collection<IssuedCard> issuedCards, String initialCardId) {
        issuedCards.forEach(card -> cards.put(card.id(), new VirtualCard(card)));
        this.initialCardId = initialCardId;
        card(initialCardId);
        reset();
    }

    /** Reader attached, the initial card inserted, every card unblocked with a clean PIN count. */
    synchronized void reset() {
        readerConnected = true;
        inserted = cards.get(initialCardId);
        cards.values().forEach(VirtualCard::unlock);
    }

    synchronized boolean readerConnected() {
        return readerConnected;
    }

    synchronized void setReaderConnected(boolean connected) {
        readerConnected = connected;
    }

    synchronized Optional<VirtualCard> inserted() {
        return Optional.ofNullable(inserted);
    }

    synchronized void insert(String cardId) {
        inserted = card(cardId);
    }

    synchronized void remove() {
        inserted = null;
    }

    Collection<VirtualCard> cards() {
        return cards.values();
    }

    VirtualCard card(String cardId) {
        VirtualCard card = cards.get(cardId);
        if (card == null) {
            throw new IllegalArgumentException("no card " + cardId);
        }
        return card;
    }

    boolean hasCard(String cardId) {
        return cards.containsKey(cardId);
    }
}

package tw.ecpa.keycloak.dev.card;

/** A snapshot of one virtual card's PIN state. */
public record CardState(String cardId, boolean locked, int consecutiveWrongPins) {
}

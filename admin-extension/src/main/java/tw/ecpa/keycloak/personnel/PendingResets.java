package tw.ecpa.keycloak.personnel;

import java.util.Map;
import java.util.Optional;

import org.keycloak.common.util.SecretGenerator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Resets waiting for the officer's 確定, in Keycloak's single-use object store: shared by every node of
 * a cluster, gone after a few minutes (取消 is to let it expire or delete it), and taken out exactly
 * once on confirmation. Only the caller who asked can see or confirm their pending reset.
 */
final class PendingResets {

    private static final String PREFIX = "ecpa-personnel-reset:";

    /** What was asked, confirmed or cancelled by its id; the password does not exist yet. */
    record PendingReset(String id, String callerId, String personId, String email, String reason, String method) {

        Map<String, String> toMap() {
            return Map.of("callerId", callerId, "personId", personId, "email", email, "reason", reason, "method", method);
        }

        static PendingReset fromMap(String id, Map<String, String> map) {
            return new PendingReset(id, map.get("callerId"), map.get("personId"), map.get("email"),
                    map.getOrDefault("reason", ""), map.get("method"));
        }
    }

    private final SingleUseObjectProvider store;
    private final int lifespanSeconds;

    PendingResets(KeycloakSession session, int lifespanSeconds) {
        this.store = session.singleUseObjects();
        this.lifespanSeconds = lifespanSeconds;
    }

    PendingReset create(String callerId, String personId, String email, String reason, ResetMethod method) {
        PendingReset reset = new PendingReset(SecretGenerator.getInstance().randomString(32), callerId, personId, email,
                reason == null ? "" : reason, method.code());
        store.put(PREFIX + reset.id(), lifespanSeconds, reset.toMap());
        return reset;
    }

    /** Takes the caller's pending reset out of the store; a second confirmation finds nothing. */
    Optional<PendingReset> take(String id, String callerId) {
        Optional<PendingReset> reset = peek(id, callerId);
        if (reset.isEmpty() || store.remove(PREFIX + id) == null) {
            return Optional.empty();
        }
        return reset;
    }

    Optional<PendingReset> peek(String id, String callerId) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> map = store.get(PREFIX + id);
        if (map == null || !callerId.equals(map.get("callerId"))) {
            return Optional.empty();
        }
        return Optional.of(PendingReset.fromMap(id, map));
    }

    int lifespanSeconds() {
        return lifespanSeconds;
    }
}

package tw.ecpa.keycloak.personnel;

import org.keycloak.common.util.Time;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * At most {@code limit} resets (or, with another {@code kind}, lookups) per caller per clock hour, counted in the single-use object store so
 * that every cluster node sees the same count: each reset claims the first free numbered slot of the
 * hour with an atomic put-if-absent, and no free slot means the limit is reached.
 */
final class ResetRateLimit {

    private static final String PREFIX = "ecpa-personnel-rate:";
    private static final int WINDOW_SECONDS = 3600;

    private final SingleUseObjectProvider store;
    private final int limit;
    private final String kind;
    private final PersonnelProblem whenReached;

    ResetRateLimit(SingleUseObjectProvider store, int limit) {
        this(store, limit, "reset", PersonnelProblem.RATE_LIMITED);
    }

    private ResetRateLimit(SingleUseObjectProvider store, int limit, String kind, PersonnelProblem whenReached) {
        this.store = store;
        this.limit = limit;
        this.kind = kind;
        this.whenReached = whenReached;
    }

    /** The limit on searches and reset requests, which cost nothing to repeat and would otherwise scan IDs. */
    static ResetRateLimit lookups(SingleUseObjectProvider store, int limit) {
        return new ResetRateLimit(store, limit, "lookup", PersonnelProblem.LOOKUPS_RATE_LIMITED);
    }

    void claim(String callerId) {
        claim(callerId, Time.currentTime());
    }

    void claim(String callerId, long nowSeconds) {
        long window = nowSeconds / WINDOW_SECONDS;
        for (int slot = 0; slot < limit; slot++) {
            if (store.putIfAbsent(PREFIX + kind + ":" + callerId + ":" + window + ":" + slot, WINDOW_SECONDS)) {
                return;
            }
        }
        throw whenReached.exception();
    }
}

package tw.ecpa.keycloak.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * 線上人數: the realm's active sessions, as Keycloak's session provider counts them per client (a person
 * signed in to two applications counts twice, as in the admin console's session list). With 26.x's
 * persistent user sessions that count is a grouped query over the session tables, too much for every
 * page view of an endpoint anyone may call, so each node counts at most once per {@code maxAge} and
 * realm: the first request after the figure is too old counts, and requests arriving meanwhile wait for
 * that count instead of starting their own (single flight). {@code maxAge} is at least a second.
 */
final class OnlineNow {

    private record Figure(long sessions, Instant takenAt) {
    }

    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Figure> byRealm = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> counting = new ConcurrentHashMap<>();

    OnlineNow(Duration maxAge, Clock clock) {
        if (maxAge.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the online-now figure is kept at least one second, not " + maxAge);
        }
        this.maxAge = maxAge;
        this.clock = clock;
    }

    long of(KeycloakSession session, RealmModel realm) {
        return of(realm.getId(), () -> session.sessions().getActiveClientSessionStats(realm, false).values().stream()
                .mapToLong(Long::longValue).sum());
    }

    long of(String realmId, LongSupplier count) {
        Figure known = fresh(realmId);
        if (known != null) {
            return known.sessions();
        }
        ReentrantLock lock = counting.computeIfAbsent(realmId, id -> new ReentrantLock());
        lock.lock();
        try {
            // Whoever held the lock before may just have counted.
            known = fresh(realmId);
            if (known != null) {
                return known.sessions();
            }
            long sessions = count.getAsLong();
            byRealm.put(realmId, new Figure(sessions, clock.instant()));
            return sessions;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The figure as the page shows it: it is up to an interval old, and a caller who is signed in has an
     * active session now, so "0 online" would be visibly wrong to the one person reading it.
     */
    static long asSeenBy(long figure, boolean callerSignedIn) {
        return callerSignedIn ? Math.max(1, figure) : figure;
    }

    private Figure fresh(String realmId) {
        Figure known = byRealm.get(realmId);
        return known != null && known.takenAt().plus(maxAge).isAfter(clock.instant()) ? known : null;
    }
}

package tw.ecpa.keycloak.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * 線上人數: the realm's active sessions, as Keycloak's session provider counts them per client (a person
 * signed in to two applications counts twice, as in the admin console's session list). With 26.x's
 * persistent user sessions that count is a grouped query over the session tables, too much for every
 * page view, so each node keeps the figure for {@code maxAge} (0 asks the provider every time).
 */
final class OnlineNow {

    private record Figure(long sessions, Instant takenAt) {
    }

    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Figure> byRealm = new ConcurrentHashMap<>();

    OnlineNow(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    long of(KeycloakSession session, RealmModel realm) {
        Instant now = clock.instant();
        Figure known = byRealm.get(realm.getId());
        if (known != null && known.takenAt().plus(maxAge).isAfter(now)) {
            return known.sessions();
        }
        long sessions = session.sessions().getActiveClientSessionStats(realm, false).values().stream()
                .mapToLong(Long::longValue).sum();
        byRealm.put(realm.getId(), new Figure(sessions, now));
        return sessions;
    }
}

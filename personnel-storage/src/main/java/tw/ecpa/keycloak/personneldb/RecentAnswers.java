package tw.ecpa.keycloak.personneldb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The look-ups on load of the last seconds, one per person, shared by every session of this Keycloak node.
 * One login loads its person several times (a 帳號登入 six, PersonnelDatabaseOnLoadIT counts them), and
 * Keycloak validates each load that its user cache does not answer (a search by national ID always);
 * with this, the personnel database is asked once per person per {@code onLoadCacheSeconds}, not once per
 * load. An unreachable database is remembered as well, so that a login waits for its timeout once, not
 * at every load. Bounded: past {@value #MOST_ENTRIES} people the expired answers are dropped, and if
 * that is not enough, all of them.
 */
final class RecentAnswers {

    static final int MOST_ENTRIES = 10_000;

    private record Entry(LookupAnswer answer, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    RecentAnswers(Clock clock) {
        this.clock = clock;
    }

    /** The answer for this key given less than its lifetime ago. */
    Optional<LookupAnswer> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.answer());
    }

    void put(String key, LookupAnswer answer, Duration lifetime) {
        if (lifetime.isZero() || lifetime.isNegative()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= MOST_ENTRIES) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expires()));
            if (entries.size() >= MOST_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(answer.kept(), now.plus(lifetime)));
    }

    /** Forgets every answer about this component's people (its settings changed, or a sync wrote newer rows). */
    void forgetComponent(String componentId) {
        entries.keySet().removeIf(key -> key.startsWith(componentId + "/"));
    }
}

package tw.ecpa.keycloak.personnel;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

class ResetRateLimitTest {

    private static final long NOON = 1_800_000_000L / 3600 * 3600 + 12 * 3600;

    /** The cluster-wide store, as far as the limit uses it: one key, one owner. */
    static final class MapStore implements SingleUseObjectProvider {
        final Map<String, Map<String, String>> entries = new HashMap<>();

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            entries.put(key, notes);
        }

        @Override
        public Map<String, String> get(String key) {
            return entries.get(key);
        }

        @Override
        public Map<String, String> remove(String key) {
            return entries.remove(key);
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            return entries.replace(key, notes) != null;
        }

        @Override
        public boolean putIfAbsent(String key, long lifespanInSeconds) {
            return entries.putIfAbsent(key, Map.of()) == null;
        }

        @Override
        public boolean contains(String key) {
            return entries.containsKey(key);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theLimitIsPerCallerAndPerHour() {
        ResetRateLimit limit = new ResetRateLimit(new MapStore(), 3);
        for (int i = 0; i < 3; i++) {
            limit.claim("officer-a", NOON + i);
        }
        assertThatThrownBy(() -> limit.claim("officer-a", NOON + 10))
                .isInstanceOfSatisfying(PersonnelException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.problem()).isEqualTo(PersonnelProblem.RATE_LIMITED));
        assertThatCode(() -> limit.claim("officer-b", NOON + 10)).as("another caller").doesNotThrowAnyException();
        assertThatCode(() -> limit.claim("officer-a", NOON + 3600)).as("the next hour").doesNotThrowAnyException();
    }
}

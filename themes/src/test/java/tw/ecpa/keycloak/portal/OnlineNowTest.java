package tw.ecpa.keycloak.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class OnlineNowTest {

    /** A clock the test moves. */
    private static final class TestClock extends Clock {

        private volatile Instant now = Instant.parse("2026-12-03T02:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final OnlineNow onlineNow = new OnlineNow(Duration.ofSeconds(30), clock);

    @Test
    void concurrentRequestsShareOneCount() throws Exception {
        int requests = 16;
        AtomicInteger counts = new AtomicInteger();
        CountDownLatch allWaiting = new CountDownLatch(requests);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Long>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    allWaiting.countDown();
                    return onlineNow.of("ecpa", () -> {
                        counts.incrementAndGet();
                        try {
                            // The count is slow: every other request arrives while it runs.
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return 42;
                    });
                }));
            }
            assertThat(allWaiting.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            for (Future<Long> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(42L);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counts).as("counts of the session tables").hasValue(1);
    }

    @Test
    void theFigureIsCountedAgainOnlyOnceItIsOlderThanTheInterval() {
        AtomicInteger counts = new AtomicInteger();

        assertThat(onlineNow.of("ecpa", () -> 10 + counts.incrementAndGet())).isEqualTo(11);
        clock.advance(Duration.ofSeconds(29));
        assertThat(onlineNow.of("ecpa", () -> 10 + counts.incrementAndGet())).as("within the interval").isEqualTo(11);
        clock.advance(Duration.ofSeconds(1));
        assertThat(onlineNow.of("ecpa", () -> 10 + counts.incrementAndGet())).as("after it").isEqualTo(12);
        assertThat(onlineNow.of("other", () -> 100 + counts.incrementAndGet())).as("another realm has its own figure").isEqualTo(103);
    }

    @Test
    void anIntervalBelowASecondIsRefused() {
        assertThatThrownBy(() -> new OnlineNow(Duration.ZERO, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignedInCallerNeverReadsZeroOnline() {
        assertThat(OnlineNow.asSeenBy(0, true)).as("a count taken before the caller signed in").isEqualTo(1);
        assertThat(OnlineNow.asSeenBy(7, true)).isEqualTo(7);
        assertThat(OnlineNow.asSeenBy(0, false)).as("nobody signed in asks").isZero();
    }
}

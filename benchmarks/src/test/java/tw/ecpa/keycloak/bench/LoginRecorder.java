package tw.ecpa.keycloak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The table's figures, measured per whole login (or reset) rather than per request: each iteration's
 * duration from its first request to its last answer (the token exchange included), whether it succeeded,
 * and the span from the first iteration's start to the last one's end. Written after the simulation to
 * {@code target/bench/results/<simulation>.properties}; benchmarks/run prints them as the table.
 */
final class LoginRecorder {

    private static final Map<String, LoginRecorder> BY_FLOW = new ConcurrentHashMap<>();
    private static final int MAX_SAMPLES = 2_000_000;
    private static final int MAX_FAILURE_PAGES = 5;

    private final long[] durations = new long[MAX_SAMPLES];
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastEnd = new AtomicLong();
    private final AtomicInteger failurePages = new AtomicInteger();
    /** Wall-clock span, to match a profile's samples to the flow. */
    private final AtomicLong firstStartMillis = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastEndMillis = new AtomicLong();

    static LoginRecorder of(String flow) {
        return BY_FLOW.computeIfAbsent(flow, f -> new LoginRecorder());
    }

    void record(long startNanos, long endNanos, boolean succeeded) {
        firstStart.accumulateAndGet(startNanos, Math::min);
        lastEnd.accumulateAndGet(endNanos, Math::max);
        long now = System.currentTimeMillis();
        firstStartMillis.accumulateAndGet(now - (endNanos - startNanos) / 1_000_000, Math::min);
        lastEndMillis.accumulateAndGet(now, Math::max);
        if (succeeded) {
            int i = ok.getAndIncrement();
            if (i < MAX_SAMPLES) {
                durations[i] = endNanos - startNanos;
            }
        } else {
            errors.incrementAndGet();
        }
    }

    /** Keeps the first few pages a failed iteration ended on, to see why (target/bench/failures/). */
    void keepFailurePage(String flow, String page) {
        if (page == null || failurePages.incrementAndGet() > MAX_FAILURE_PAGES) {
            return;
        }
        try {
            Path dir = Files.createDirectories(resultsDir().resolveSibling("failures"));
            Files.writeString(dir.resolve(flow.replaceAll("[^A-Za-z0-9]+", "-") + "-" + failurePages.get() + ".html"), page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code results/} beside bench.properties, or {@code bench.results} (each pass of a run in passes has its own). */
    static Path resultsDir() {
        String results = System.getProperty("bench.results");
        if (results != null) {
            return Path.of(results).toAbsolutePath();
        }
        Path properties = Path.of(System.getProperty("bench.properties", "benchmarks/target/bench/bench.properties"));
        return properties.toAbsolutePath().getParent().resolve("results");
    }

    /** Writes the flow's figures under {@code simulation}'s name. */
    void write(String simulation, String flow, int users) {
        int n = Math.min(ok.get(), MAX_SAMPLES);
        long[] sorted = Arrays.copyOf(durations, n);
        Arrays.sort(sorted);
        double seconds = lastEnd.get() > firstStart.get() ? (lastEnd.get() - firstStart.get()) / 1e9 : 0;
        Properties out = new Properties();
        out.setProperty("flow", flow);
        out.setProperty("users", Integer.toString(users));
        out.setProperty("ok", Integer.toString(ok.get()));
        out.setProperty("errors", Integer.toString(errors.get()));
        out.setProperty("seconds", String.format(Locale.ROOT, "%.1f", seconds));
        out.setProperty("perSecond", String.format(Locale.ROOT, "%.2f", seconds > 0 ? ok.get() / seconds : 0));
        out.setProperty("p50", millis(sorted, 0.50));
        out.setProperty("p95", millis(sorted, 0.95));
        out.setProperty("p99", millis(sorted, 0.99));
        out.setProperty("startEpochMillis", Long.toString(firstStartMillis.get()));
        out.setProperty("endEpochMillis", Long.toString(lastEndMillis.get()));
        out.setProperty("mean", String.format(Locale.ROOT, "%.1f", n == 0 ? 0 : Arrays.stream(sorted).average().orElse(0) / 1e6));
        try {
            Path dir = Files.createDirectories(resultsDir());
            try (var writer = Files.newBufferedWriter(dir.resolve(simulation + ".properties"))) {
                out.store(writer, flow);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("%s: %d ok, %d errors in %.1f s = %s/s; p50 %s ms, p95 %s ms, p99 %s ms%n", flow, ok.get(), errors.get(),
                seconds, out.getProperty("perSecond"), out.getProperty("p50"), out.getProperty("p95"), out.getProperty("p99"));
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static String millis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "0";
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return String.format(Locale.ROOT, "%.1f", sorted[Math.max(0, rank - 1)] / 1e6);
    }
}

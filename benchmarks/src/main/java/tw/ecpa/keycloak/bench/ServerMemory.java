package tw.ecpa.keycloak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bench Keycloak's memory as an operator would look at it: the JVM's own account of its heap
 * ({@code jcmd GC.heap_info}: committed and used), the same after a full collection (what stays live), the
 * management interface's {@code jvm_memory_used_bytes} (heap and non-heap, Keycloak's metrics), and the
 * process's resident set ({@code ps -o rss}), which also holds metaspace, code cache, thread stacks and
 * direct buffers.
 *
 * <p>{@code main}: {@code <pid> <label>}, for benchmarks/run after the scale run's last simulation.
 */
final class ServerMemory {

    private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern USED = Pattern.compile("^jvm_memory_used_bytes\\{([^}]*)\\}\\s+(\\S+)", Pattern.MULTILINE);

    private ServerMemory() {
    }

    public static void main(String[] args) {
        Properties figures = measure(Long.parseLong(args[0]), args.length > 1 ? args[1] : "");
        figures.stringPropertyNames().stream().sorted().forEach(name -> System.out.println(name + "=" + figures.getProperty(name)));
    }

    /** The figures, each name prefixed with {@code prefix}; printed as one paragraph too. */
    static Properties measure(long pid, String prefix) {
        Properties out = new Properties();
        long[] heap = heap(jcmd(pid, "GC.heap_info"));
        long rssKib = Long.parseLong(run(List.of("ps", "-o", "rss=", "-p", Long.toString(pid))).strip());
        double[] metrics = metrics();
        jcmd(pid, "GC.run");
        long[] live = heap(jcmd(pid, "GC.heap_info"));
        long rssAfterGc = Long.parseLong(run(List.of("ps", "-o", "rss=", "-p", Long.toString(pid))).strip());
        out.setProperty(prefix + "heap.committedMiB", Long.toString(heap[0] / 1024));
        out.setProperty(prefix + "heap.usedMiB", Long.toString(heap[1] / 1024));
        out.setProperty(prefix + "heap.liveAfterFullGcMiB", Long.toString(live[1] / 1024));
        out.setProperty(prefix + "heap.committedAfterFullGcMiB", Long.toString(live[0] / 1024));
        out.setProperty(prefix + "metrics.heapUsedMiB", String.format(Locale.ROOT, "%.0f", metrics[0] / (1 << 20)));
        out.setProperty(prefix + "metrics.nonHeapUsedMiB", String.format(Locale.ROOT, "%.0f", metrics[1] / (1 << 20)));
        out.setProperty(prefix + "rssMiB", Long.toString(rssKib / 1024));
        out.setProperty(prefix + "rssAfterFullGcMiB", Long.toString(rssAfterGc / 1024));
        System.out.printf("# Keycloak memory (pid %d): heap %d MiB used of %d MiB committed (jcmd GC.heap_info), %d MiB live after a full GC"
                        + " (%d MiB committed then); jvm_memory_used_bytes: heap %.0f MiB, non-heap %.0f MiB; RSS %d MiB (%d MiB after the GC)%n",
                pid, heap[1] / 1024, heap[0] / 1024, live[1] / 1024, live[0] / 1024, metrics[0] / (1 << 20), metrics[1] / (1 << 20),
                rssKib / 1024, rssAfterGc / 1024);
        return out;
    }

    /** {@code jcmd <pid> <command...>}'s output; throws if jcmd fails (the JVM gone, say). */
    static String jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        return run(line);
    }

    /** {total KiB, used KiB} of the heap line. */
    private static long[] heap(String heapInfo) {
        Matcher matcher = HEAP.matcher(heapInfo);
        if (!matcher.find()) {
            throw new IllegalStateException("no heap line in jcmd GC.heap_info:\n" + heapInfo);
        }
        return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
    }

    /** {heap bytes, non-heap bytes} summed over the memory pools of the management interface's metrics. */
    private static double[] metrics() {
        String url = "http://127.0.0.1:" + BenchKeycloak.MANAGEMENT_PORT + "/metrics";
        String text;
        try {
            text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double heap = 0;
        double nonHeap = 0;
        Matcher matcher = USED.matcher(text);
        while (matcher.find()) {
            double value = Double.parseDouble(matcher.group(2));
            if (matcher.group(1).contains("area=\"heap\"")) {
                heap += value;
            } else if (matcher.group(1).contains("area=\"nonheap\"")) {
                nonHeap += value;
            }
        }
        return new double[] {heap, nonHeap};
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

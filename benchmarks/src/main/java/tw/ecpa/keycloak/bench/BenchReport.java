package tw.ecpa.keycloak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The table benchmarks/run prints, from the figures each simulation wrote to {@code target/bench/results}
 * (LoginRecorder in the simulations): one row per flow, per whole login (or reset), not per request.
 *
 * <ul>
 *   <li>logins/s = successful iterations / the span from the first iteration's start to the last one's end;</li>
 *   <li>p50/p95/p99 = nearest-rank percentiles of the successful iterations' durations (every request of the
 *       flow, the token exchange included; no think time);</li>
 *   <li>errors = failed iterations (any request, check or page in it failed);</li>
 *   <li>ratio = the flow's logins/s over the first row's (the stock password login) of the same run.</li>
 * </ul>
 *
 * <p>Arguments: the results folder, then the simulations in table order; the first is the baseline. A
 * simulation of several flows (the refused 帳號登入) gives one row per flow.
 */
public final class BenchReport {

    record Row(String flow, int users, long ok, long errors, double perSecond, String p50, String p95, String p99) {
    }

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            List<Path> files = filesOf(results, args[i]);
            if (files.isEmpty()) {
                System.out.println("(no figures from " + args[i] + ")");
            }
            for (Path file : files) {
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(file)) {
                    p.load(in);
                }
                rows.add(new Row(p.getProperty("flow"), Integer.parseInt(p.getProperty("users")), Long.parseLong(p.getProperty("ok")),
                        Long.parseLong(p.getProperty("errors")), Double.parseDouble(p.getProperty("perSecond")),
                        p.getProperty("p50"), p.getProperty("p95"), p.getProperty("p99")));
            }
        }
        System.out.print(table(rows));
    }

    /** {@code <simulation>.properties}, or for a simulation of several flows {@code <simulation>.1.properties}, .2, ... */
    static List<Path> filesOf(Path results, String simulation) throws IOException {
        Path single = results.resolve(simulation + ".properties");
        if (Files.exists(single)) {
            return List.of(single);
        }
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (var files = Files.list(results)) {
            return files.filter(f -> f.getFileName().toString().matches(Pattern.quote(simulation) + "\\.\\d+\\.properties"))
                    .sorted().toList();
        }
    }

    static String table(List<Row> rows) {
        boolean baselineFirst = !rows.isEmpty() && rows.get(0).flow().startsWith("stock");
        double baseline = baselineFirst ? rows.get(0).perSecond() : 0;
        StringBuilder out = new StringBuilder();
        out.append("| flow | users | logins/s | p50 ms | p95 ms | p99 ms | ok | errors | ratio to stock |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %s | %s | %s | %d | %d | %s |%n", row.flow(), row.users(),
                    row.perSecond(), row.p50(), row.p95(), row.p99(), row.ok(), row.errors(),
                    baseline > 0 ? String.format(Locale.ROOT, "%.2fx", row.perSecond() / baseline) : "-"));
        }
        return out.toString();
    }
}

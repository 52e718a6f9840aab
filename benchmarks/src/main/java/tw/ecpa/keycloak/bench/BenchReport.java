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
 *   <li>ratio to stock = the flow's logins/s over the first row's (the stock password login) of the same run;</li>
 *   <li>ratio to floor = the flow's logins/s over the floor's ({@link #FLOOR}: the code flow on an SSO session,
 *       no credential check) of the same run, "-" when the run has no floor.</li>
 * </ul>
 *
 * <p>When the run measured the refused 帳號登入 ({@link #REFUSED}), a line under the table gives the spread
 * of their medians: the slowest over the fastest.
 *
 * <p>Arguments: the results folder, then the simulations in table order; the first is the baseline. A
 * simulation of several flows (the refused 帳號登入) gives one row per flow.
 *
 * <p>{@code --nodes N <one-node results> <cluster results> <simulations>}: a run of one node, then of the
 * cluster of N nodes it grew into, on the same database ({@code benchmarks/run --db=postgres --nodes=N}):
 * each pass's table, then both side by side.
 */
public final class BenchReport {

    /** The floor's flow name (the simulations' group). */
    static final String FLOOR = "floor: code flow on an SSO session, no credential check";
    /** The refused 帳號登入 flows' names start so. */
    static final String REFUSED = "帳號登入 refused";

    record Row(String flow, int users, long ok, long errors, double perSecond, String p50, String p95, String p99) {
    }

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("--nodes")) {
            int nodes = Integer.parseInt(args[1]);
            List<String> simulations = List.of(args).subList(4, args.length);
            List<Row> oneNode = rows(Path.of(args[2]), simulations);
            List<Row> cluster = rows(Path.of(args[3]), simulations);
            System.out.println("One node (the cluster's node 1 alone):");
            System.out.print(table(oneNode));
            System.out.println();
            System.out.println(nodesLabel(nodes) + " (the users spread over them):");
            System.out.print(table(cluster));
            System.out.println();
            System.out.println("Side by side:");
            System.out.print(sideBySide(oneNode, cluster, nodes));
            return;
        }
        System.out.print(table(rows(Path.of(args[0]), List.of(args).subList(1, args.length))));
    }

    /** The rows of {@code simulations}, in their order, from {@code results}. */
    static List<Row> rows(Path results, List<String> simulations) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String simulation : simulations) {
            List<Path> files = filesOf(results, simulation);
            if (files.isEmpty()) {
                System.out.println("(no figures from " + simulation + " in " + results + ")");
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
        return rows;
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
        Row floorRow = find(rows, FLOOR);
        double floor = floorRow == null ? 0 : floorRow.perSecond();
        StringBuilder out = new StringBuilder();
        out.append("| flow | users | logins/s | p50 ms | p95 ms | p99 ms | ok | errors | ratio to stock | ratio to floor |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %s | %s | %s | %d | %d | %s | %s |%n", row.flow(), row.users(),
                    row.perSecond(), row.p50(), row.p95(), row.p99(), row.ok(), row.errors(), ratio(row, baseline), ratio(row, floor)));
        }
        String spread = refusalSpread(rows);
        if (spread != null) {
            out.append(System.lineSeparator()).append(spread).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String ratio(Row row, double base) {
        return base > 0 ? String.format(Locale.ROOT, "%.2fx", row.perSecond() / base) : "-";
    }

    /**
     * The refused 帳號登入 side by side: their medians, and the slowest over the fastest (equal medians: the
     * answer's time does not tell who is on record; the target is within 10 %). Null without refusal rows.
     */
    static String refusalSpread(List<Row> rows) {
        List<Row> refusals = rows.stream().filter(row -> row.flow().startsWith(REFUSED) && row.ok() > 0).toList();
        if (refusals.size() < 2) {
            return null;
        }
        double slowest = refusals.stream().mapToDouble(row -> Double.parseDouble(row.p50())).max().orElseThrow();
        double fastest = refusals.stream().mapToDouble(row -> Double.parseDouble(row.p50())).min().orElseThrow();
        StringBuilder medians = new StringBuilder();
        for (Row row : refusals) {
            medians.append(medians.length() == 0 ? "" : ", ").append(row.flow().substring(REFUSED.length()).replaceFirst("^:\\s*", ""))
                    .append(" ").append(row.p50()).append(" ms");
        }
        return String.format(Locale.ROOT, "Refusals' medians: %s; slowest ÷ fastest = %.3fx (target ≤ 1.10x).", medians,
                fastest > 0 ? slowest / fastest : 0);
    }

    /**
     * One row per flow of the one-node pass: both passes' rates, the cluster's over the single node's, their
     * p50, p95 and errors. A flow missing from one pass shows "-" there.
     */
    static String sideBySide(List<Row> oneNode, List<Row> cluster, int nodes) {
        String n = nodesLabel(nodes);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| flow | users | logins/s, 1 node | logins/s, %1$s | %1$s ÷ 1 node | p50 ms, 1 node | p50 ms, %1$s"
                + " | p95 ms, 1 node | p95 ms, %1$s | errors, 1 node | errors, %1$s |%n", n));
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> flows = new ArrayList<>();
        oneNode.forEach(row -> flows.add(row.flow()));
        cluster.stream().map(Row::flow).filter(flow -> !flows.contains(flow)).forEach(flows::add);
        for (String flow : flows) {
            Row one = find(oneNode, flow);
            Row many = find(cluster, flow);
            Row any = one != null ? one : many;
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", flow, any.users(),
                    one == null ? "-" : String.format(Locale.ROOT, "%.1f", one.perSecond()),
                    many == null ? "-" : String.format(Locale.ROOT, "%.1f", many.perSecond()),
                    one == null || many == null || one.perSecond() == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", many.perSecond() / one.perSecond()),
                    one == null ? "-" : one.p50(), many == null ? "-" : many.p50(),
                    one == null ? "-" : one.p95(), many == null ? "-" : many.p95(),
                    one == null ? "-" : Long.toString(one.errors()), many == null ? "-" : Long.toString(many.errors())));
        }
        return out.toString();
    }

    private static Row find(List<Row> rows, String flow) {
        return rows.stream().filter(row -> row.flow().equals(flow)).findFirst().orElse(null);
    }

    static String nodesLabel(int nodes) {
        return nodes == 1 ? "1 node" : nodes + " nodes";
    }
}

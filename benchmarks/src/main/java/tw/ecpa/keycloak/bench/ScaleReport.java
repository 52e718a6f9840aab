package tw.ecpa.keycloak.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The table of {@code benchmarks/run --db=postgres --personnel-db N}: the sync figures, then each flow at the
 * realm's 1,000 records and again with the N federated records, on the same server in the same run, and the
 * second's rate over the first's (issue 18's target: within 1.2x, i.e. a ratio of at least 1 / 1.2 = 0.83).
 *
 * <p>Arguments: the sync figures ({@code personnel-sync.properties}), the results of the first pass, of the
 * second, then the simulations in table order.
 */
public final class ScaleReport {

    private ScaleReport() {
    }

    public static void main(String[] args) throws IOException {
        Properties sync = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            sync.load(in);
        }
        List<String> simulations = List.of(args).subList(3, args.length);
        int rows = Integer.parseInt(sync.getProperty("rows"));
        System.out.print(syncTable(sync));
        System.out.println();
        System.out.print(sideBySide(BenchReport.rows(Path.of(args[1]), simulations), BenchReport.rows(Path.of(args[2]), simulations), rows));
    }

    static String syncTable(Properties sync) {
        StringBuilder out = new StringBuilder();
        out.append("| sync | rows | seconds | rows/s | added | updated | failed |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (String kind : List.of("full", "changed")) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", kind,
                    kind.equals("full") ? sync.getProperty("rows") : Integer.toString(PersonnelScale.CHANGED_ROWS) + " changed",
                    sync.getProperty(kind + ".seconds"), sync.getProperty(kind + ".rowsPerSecond"), sync.getProperty(kind + ".added"),
                    sync.getProperty(kind + ".updated"), sync.getProperty(kind + ".failed")));
        }
        return out.toString();
    }

    static String sideBySide(List<BenchReport.Row> small, List<BenchReport.Row> large, int rows) {
        String n = String.format(Locale.ROOT, "+%,d federated", rows);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| flow | users | logins/s, 1,000 | logins/s, %1$s | ratio | p50 ms, 1,000 | p50 ms, %1$s"
                + " | p95 ms, 1,000 | p95 ms, %1$s | errors, 1,000 | errors, %1$s |%n", n));
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchReport.Row one : small) {
            BenchReport.Row other = large.stream().filter(row -> row.flow().equals(one.flow())).findFirst().orElse(null);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %s | %s | %s | %s | %s | %s | %d | %s |%n", one.flow(), one.users(),
                    one.perSecond(), other == null ? "-" : String.format(Locale.ROOT, "%.1f", other.perSecond()),
                    other == null || one.perSecond() == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", other.perSecond() / one.perSecond()),
                    one.p50(), other == null ? "-" : other.p50(), one.p95(), other == null ? "-" : other.p95(), one.errors(),
                    other == null ? "-" : Long.toString(other.errors())));
        }
        return out.toString();
    }
}

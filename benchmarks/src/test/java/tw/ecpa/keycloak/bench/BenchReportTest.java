package tw.ecpa.keycloak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table's ratio column is each flow's rate over the stock password login's of the same run. */
class BenchReportTest {

    @Test
    void ratiosAreAgainstTheStockRowAndErrorsAreShown() {
        String table = BenchReport.table(List.of(
                new BenchReport.Row("stock password login", 4, 400, 0, 8.0, "450.0", "900.0", "1200.0"),
                new BenchReport.Row("ECPA certificate login", 4, 1200, 3, 24.0, "150.0", "300.0", "400.0")));
        assertThat(table).contains("| stock password login | 4 | 8.0 | 450.0 | 900.0 | 1200.0 | 400 | 0 | 1.00x | - |")
                .contains("| ECPA certificate login | 4 | 24.0 | 150.0 | 300.0 | 400.0 | 1200 | 3 | 3.00x | - |")
                .doesNotContain("Refusals' medians");
    }

    @Test
    void theFloorRowWhereverItIsGivesEveryFlowItsRatioToTheFloor() {
        String table = BenchReport.table(List.of(
                new BenchReport.Row("stock password login", 4, 400, 0, 8.0, "450.0", "900.0", "1200.0"),
                new BenchReport.Row(BenchReport.FLOOR, 4, 2000, 0, 40.0, "90.0", "150.0", "200.0"),
                new BenchReport.Row("ECPA certificate login", 4, 1200, 0, 24.0, "150.0", "300.0", "400.0")));
        assertThat(table).contains("| ok | errors | ratio to stock | ratio to floor |")
                .contains("| stock password login | 4 | 8.0 | 450.0 | 900.0 | 1200.0 | 400 | 0 | 1.00x | 0.20x |")
                .contains("| " + BenchReport.FLOOR + " | 4 | 40.0 | 90.0 | 150.0 | 200.0 | 2000 | 0 | 5.00x | 1.00x |")
                .contains("| ECPA certificate login | 4 | 24.0 | 150.0 | 300.0 | 400.0 | 1200 | 0 | 3.00x | 0.60x |");
    }

    @Test
    void theRefusalsMediansAreShownWithTheSlowestOverTheFastest() {
        String table = BenchReport.table(List.of(
                new BenchReport.Row("stock password login", 4, 400, 0, 8.0, "450.0", "900.0", "1200.0"),
                new BenchReport.Row("帳號登入 refused: unknown national ID", 1, 90, 0, 3.0, "200.0", "300.0", "350.0"),
                new BenchReport.Row("帳號登入 refused: on record, no password yet", 1, 90, 0, 3.0, "220.0", "300.0", "350.0"),
                new BenchReport.Row("帳號登入 refused: wrong password", 1, 90, 0, 3.0, "210.0", "300.0", "350.0")));
        assertThat(table).contains("Refusals' medians: unknown national ID 200.0 ms, on record, no password yet 220.0 ms,"
                + " wrong password 210.0 ms; slowest ÷ fastest = 1.100x (target ≤ 1.10x).");
    }

    @Test
    void withoutAStockRowThereIsNoRatio() {
        String table = BenchReport.table(List.of(new BenchReport.Row("ECPA certificate login", 4, 10, 0, 2.0, "1", "2", "3")));
        assertThat(table).contains("| 3 | 10 | 0 | - | - |");
    }

    @Test
    void aSimulationOfSeveralFlowsHasOneFileEachInTheirOrder(@TempDir Path results) throws IOException {
        for (String name : List.of("AccountRefusalSimulation.2", "AccountRefusalSimulation.1", "AccountRefusalSimulationX.1", "Other")) {
            Files.writeString(results.resolve(name + ".properties"), "");
        }
        assertThat(BenchReport.filesOf(results, "AccountRefusalSimulation")).extracting(p -> p.getFileName().toString())
                .containsExactly("AccountRefusalSimulation.1.properties", "AccountRefusalSimulation.2.properties");
        assertThat(BenchReport.filesOf(results, "Other")).hasSize(1);
        assertThat(BenchReport.filesOf(results, "Missing")).isEmpty();
    }

    @Test
    void theClusterRunShowsOneNodeAndTheClusterSideBySideLabelled() {
        List<BenchReport.Row> oneNode = List.of(
                new BenchReport.Row("stock password login", 4, 400, 0, 8.0, "450.0", "900.0", "1200.0"),
                new BenchReport.Row("ECPA certificate login", 4, 1200, 0, 24.0, "150.0", "300.0", "400.0"));
        List<BenchReport.Row> twoNodes = List.of(
                new BenchReport.Row("stock password login", 4, 300, 0, 6.0, "600.0", "1100.0", "1500.0"),
                new BenchReport.Row("ECPA certificate login", 4, 1000, 2, 20.0, "190.0", "350.0", "500.0"));
        String table = BenchReport.sideBySide(oneNode, twoNodes, 2);
        assertThat(table).startsWith("| flow | users | logins/s, 1 node | logins/s, 2 nodes | 2 nodes ÷ 1 node | p50 ms, 1 node | p50 ms, 2 nodes"
                        + " | p95 ms, 1 node | p95 ms, 2 nodes | errors, 1 node | errors, 2 nodes |")
                .contains("| stock password login | 4 | 8.0 | 6.0 | 0.75x | 450.0 | 600.0 | 900.0 | 1100.0 | 0 | 0 |")
                .contains("| ECPA certificate login | 4 | 24.0 | 20.0 | 0.83x | 150.0 | 190.0 | 300.0 | 350.0 | 0 | 2 |");
    }

    @Test
    void aFlowOnlyOnePassMeasuredShowsADashForTheOther() {
        String table = BenchReport.sideBySide(List.of(new BenchReport.Row("ECPA certificate login", 4, 10, 0, 2.0, "1", "2", "3")),
                List.of(new BenchReport.Row("officer reset", 1, 5, 0, 1.0, "4", "5", "6")), 3);
        assertThat(table).contains("logins/s, 3 nodes")
                .contains("| ECPA certificate login | 4 | 2.0 | - | - | 1 | - | 2 | - | 0 | - |")
                .contains("| officer reset | 1 | - | 1.0 | - | - | 4 | - | 5 | - | 0 |");
    }

    @Test
    void eachPassReadsItsOwnResultsFolder(@TempDir Path runDir) throws IOException {
        Path one = Files.createDirectories(runDir.resolve("results-1-node"));
        Path two = Files.createDirectories(runDir.resolve("results-2-nodes"));
        String figures = "flow=ECPA certificate login\nusers=4\nok=%d\nerrors=0\nperSecond=%s\np50=1\np95=2\np99=3\n";
        Files.writeString(one.resolve("CertificateLoginSimulation.properties"), String.format(figures, 100, "10.00"));
        Files.writeString(two.resolve("CertificateLoginSimulation.properties"), String.format(figures, 90, "9.00"));
        assertThat(BenchReport.rows(one, List.of("CertificateLoginSimulation"))).extracting(BenchReport.Row::ok).containsExactly(100L);
        assertThat(BenchReport.rows(two, List.of("CertificateLoginSimulation"))).extracting(BenchReport.Row::ok).containsExactly(90L);
    }
}

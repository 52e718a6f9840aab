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
        assertThat(table).contains("| stock password login | 4 | 8.0 | 450.0 | 900.0 | 1200.0 | 400 | 0 | 1.00x |")
                .contains("| ECPA certificate login | 4 | 24.0 | 150.0 | 300.0 | 400.0 | 1200 | 3 | 3.00x |");
    }

    @Test
    void withoutAStockRowThereIsNoRatio() {
        String table = BenchReport.table(List.of(new BenchReport.Row("ECPA certificate login", 4, 10, 0, 2.0, "1", "2", "3")));
        assertThat(table).contains("| 3 | 10 | 0 | - |");
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
}

package tw.ecpa.keycloak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The personnel-database scale table: the syncs' figures, and each flow at 1,000 records beside the same flow with the rows synced in. */
class ScaleReportTest {

    @Test
    void eachFlowAtScaleIsSetBesideItselfAtOneThousandRecords(@TempDir Path dir) throws IOException {
        Path small = Files.createDirectories(dir.resolve("small"));
        Path large = Files.createDirectories(dir.resolve("large"));
        write(small, "CertificateLoginSimulation", "ECPA certificate login", 50.0, "70.0", "120.0", 0);
        write(large, "CertificateLoginSimulation", "ECPA certificate login", 45.0, "78.0", "130.0", 1);
        write(small, "AccountByIdSimulation", "ECPA account login (national ID)", 20.0, "190.0", "290.0", 0);
        List<String> simulations = List.of("CertificateLoginSimulation", "AccountByIdSimulation");

        String table = ScaleReport.sideBySide(BenchReport.rows(small, simulations), BenchReport.rows(large, simulations), 400000);

        assertThat(table).startsWith("| flow | users | logins/s, 1,000 | logins/s, +400,000 federated | ratio |")
                .contains("| ECPA certificate login | 4 | 50.0 | 45.0 | 0.90x | 70.0 | 78.0 | 120.0 | 130.0 | 0 | 1 |")
                .contains("| ECPA account login (national ID) | 4 | 20.0 | - | - | 190.0 | - | 290.0 | - | 0 | - |");
    }

    @Test
    void theSyncTableShowsBothSyncsWithTheirCounts() {
        Properties sync = new Properties();
        sync.setProperty("rows", "400000");
        for (String kind : List.of("full", "changed")) {
            sync.setProperty(kind + ".seconds", kind.equals("full") ? "800.0" : "3.5");
            sync.setProperty(kind + ".rowsPerSecond", kind.equals("full") ? "500" : "286");
            sync.setProperty(kind + ".added", kind.equals("full") ? "400000" : "0");
            sync.setProperty(kind + ".updated", kind.equals("full") ? "0" : "1000");
            sync.setProperty(kind + ".failed", "0");
        }
        assertThat(ScaleReport.syncTable(sync)).contains("| full | 400000 | 800.0 | 500 | 400000 | 0 | 0 |")
                .contains("| changed | 1000 changed | 3.5 | 286 | 0 | 1000 | 0 |");
    }

    private static void write(Path results, String simulation, String flow, double perSecond, String p50, String p95, long errors)
            throws IOException {
        Properties p = new Properties();
        p.setProperty("flow", flow);
        p.setProperty("users", "4");
        p.setProperty("ok", "100");
        p.setProperty("errors", Long.toString(errors));
        p.setProperty("perSecond", Double.toString(perSecond));
        p.setProperty("p50", p50);
        p.setProperty("p95", p95);
        p.setProperty("p99", "999.0");
        try (var out = Files.newBufferedWriter(results.resolve(simulation + ".properties"))) {
            p.store(out, null);
        }
    }
}

package tw.ecpa.keycloak.dev.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dev launcher's personnel database: the documented view over the documented table, holding exactly the
 * demo people the realm import carries, in the column contract's words; and the component that reads it.
 */
class DemoPersonnelDatabaseTest {

    private static final Path DOC = Path.of("").toAbsolutePath().getParent().resolve("docs/personnel-database.md");

    /** One row of the view, in the contract's terms. */
    private record ViewRow(String nationalId, String lastName, String firstName, LocalDate birthDate, String email,
                           String agencyCode, String employmentStatus) {
    }

    @TempDir
    Path work;

    @Test
    void theViewHoldsEveryDemoPersonAsTheRealmImportDoes() throws SQLException {
        DemoPersonnel personnel = DemoPersonnel.load();

        DemoPersonnelDatabase database = DemoPersonnelDatabase.create(work.resolve("personnel-db"), personnel);

        List<ViewRow> expected = personnel.personnel().stream()
                .map(p -> new ViewRow(p.nationalId(), p.lastName(), p.firstName(), p.birthDate(), p.email(), p.agencyCode(),
                        p.employmentStatus()))
                .toList();
        assertThat(viewRows(database)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).extracting(ViewRow::employmentStatus).contains("serving", "departed");
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:h2:file:" + work.resolve("personnel-db/personnel").toAbsolutePath());
        assertThat(work.resolve("personnel-db/personnel.mv.db")).exists();
    }

    @Test
    void aSecondRunBeginsFromAnEmptyFile() throws SQLException {
        DemoPersonnel personnel = DemoPersonnel.load();
        DemoPersonnelDatabase first = DemoPersonnelDatabase.create(work.resolve("personnel-db"), personnel);
        try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM hr.staff");
        }

        DemoPersonnelDatabase second = DemoPersonnelDatabase.create(work.resolve("personnel-db"), personnel);

        assertThat(viewRows(second)).hasSameSizeAs(personnel.personnel());
    }

    @Test
    void theSchemaIsTheDocumentedOne() throws IOException {
        List<String> documented = new ArrayList<>();
        Matcher block = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        while (block.find()) {
            documented.addAll(DemoPersonnelDatabase.statements(block.group(1)));
        }

        assertThat(DemoPersonnelDatabase.schemaStatements()).isNotEmpty().isEqualTo(documented);
    }

    @Test
    void theRealmGetsTheProviderWithLinkingOnAndNoPeriodicSync() throws IOException {
        Path bundle = templateJar();

        JsonNode realm = new ObjectMapper().readTree(DevRealmImport.fromBundle(bundle)
                .withPersonnelDatabase("jdbc:h2:file:/tmp/personnel-db/personnel", "sa", "ecpa.personnel").toJson());

        JsonNode components = realm.path("components");
        assertThat(components.has("org.keycloak.userprofile.UserProfileProvider")).as("the template's user profile is kept").isTrue();
        JsonNode storage = components.path("org.keycloak.storage.UserStorageProvider");
        assertThat(storage).hasSize(1);
        JsonNode config = storage.get(0).path("config");
        assertThat(storage.get(0).path("providerId").asText()).isEqualTo("ecpa-personnel-db");
        assertThat(config.path("jdbcUrl").get(0).asText()).isEqualTo("jdbc:h2:file:/tmp/personnel-db/personnel");
        assertThat(config.path("table").get(0).asText()).isEqualTo("ecpa.personnel");
        assertThat(config.path("linkExistingUsers").get(0).asText()).isEqualTo("true");
        assertThat(config.path("importEnabled").get(0).asText()).isEqualTo("true");
        assertThat(config.path("fullSyncPeriod").get(0).asText()).isEqualTo("-1");
    }

    /** A jar holding the realm template as the bundle does, made from the bundle module's source. */
    private Path templateJar() throws IOException {
        Path template = Path.of("").toAbsolutePath().getParent().resolve("bundle/src/main/resources/" + DevRealmImport.TEMPLATE_ENTRY);
        Path jar = work.resolve("bundle.jar");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry(DevRealmImport.TEMPLATE_ENTRY));
            out.write(Files.readAllBytes(template));
            out.closeEntry();
        }
        return jar;
    }

    private static List<ViewRow> viewRows(DemoPersonnelDatabase database) throws SQLException {
        List<ViewRow> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT national_id, last_name, first_name, birth_date, email, agency_code,"
                     + " employment_status FROM " + DemoPersonnelDatabase.VIEW)) {
            while (result.next()) {
                rows.add(new ViewRow(result.getString(1).strip(), result.getString(2), result.getString(3),
                        result.getObject(4, LocalDate.class), result.getString(5), result.getString(6), result.getString(7)));
            }
        }
        return rows;
    }
}

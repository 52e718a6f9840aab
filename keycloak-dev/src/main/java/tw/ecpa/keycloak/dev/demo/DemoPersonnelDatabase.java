package tw.ecpa.keycloak.dev.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The dev launcher's personnel database (公務人力資料庫): an embedded H2 file with the sample schema and view of
 * docs/personnel-database.md ({@value #SCHEMA_RESOURCE}) and one {@code hr.staff} row for each demo person of
 * {@link DemoPersonnel}, the list the demo realm's users come from too, so database and realm hold the same
 * people. The server's {@code ecpa-personnel-db} reads it through the view {@value #VIEW}.
 *
 * <p>H2 is the one Keycloak ships (the launcher's classpath carries the version of the distribution, so the
 * server opens the file the launcher wrote). The server holds the file only during a sync (the provider closes
 * its connection, and H2 the file with it), so a developer's H2 client may open it in between, change a row and,
 * once closed again, try a changed sync. No {@code AUTO_SERVER}, which would share the file while both have it
 * open: H2 then listens on every interface, and everything the launcher starts binds 127.0.0.1 only.
 */
public final class DemoPersonnelDatabase {

    static final String SCHEMA_RESOURCE = "/demo/personnel-database.sql";
    /** The view the provider reads, as the documentation names it. */
    public static final String VIEW = "ecpa.personnel";
    /** H2's administrator of a new file; no password (a dev file on the developer's machine, never a deployment). */
    public static final String USER = "sa";
    /** The ministry's own duty codes the documented view translates: 1 在職, 2 離職. */
    private static final String SERVING_CODE = "1";
    private static final String DEPARTED_CODE = "2";

    private final String jdbcUrl;

    private DemoPersonnelDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Makes the file {@code directory/personnel.mv.db} anew (an earlier run's is deleted) with every demo person. */
    public static DemoPersonnelDatabase create(Path directory, DemoPersonnel personnel) {
        try {
            deleteRecursively(directory);
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + directory, e);
        }
        DemoPersonnelDatabase database = new DemoPersonnelDatabase(
                "jdbc:h2:file:" + directory.toAbsolutePath().resolve("personnel"));
        try (Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                for (String sql : schemaStatements()) {
                    statement.execute(sql);
                }
            }
            database.insertStaff(connection, personnel.personnel());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the demo personnel database " + database.jdbcUrl + ": " + e.getMessage(), e);
        }
        return database;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A connection as the provider's user, for whoever wants to read or change the rows. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, USER, "");
    }

    private void insertStaff(Connection connection, List<DemoPersonnel.Person> people) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hr.staff (staff_no, id_no, surname, given_name, born_on, office_mail, org_code, duty_code, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int staffNo = 0;
            for (DemoPersonnel.Person person : people) {
                insert.setInt(1, ++staffNo);
                insert.setString(2, person.nationalId());
                insert.setString(3, person.lastName());
                insert.setString(4, person.firstName());
                insert.setObject(5, person.birthDate());
                insert.setString(6, person.email());
                insert.setString(7, person.agencyCode());
                insert.setString(8, person.serving() ? SERVING_CODE : DEPARTED_CODE);
                insert.setObject(9, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The statements of {@value #SCHEMA_RESOURCE}, comment lines left out. */
    static List<String> schemaStatements() {
        String text;
        try (InputStream in = DemoPersonnelDatabase.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return statements(text);
    }

    /** SQL text split into statements at {@code ;}, comment lines left out. */
    static List<String> statements(String sql) {
        String withoutComments = sql.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
        List<String> statements = new ArrayList<>();
        for (String statement : withoutComments.split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

package tw.ecpa.keycloak.personneldb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory H2 database made by the SQL of docs/personnel-database.md (the blocks marked {@code sql}): the
 * fictional ministry's {@code hr.staff} and the view {@code ecpa.personnel} over it, which the provider reads.
 */
final class SampleDatabase implements AutoCloseable {

    private static final Path DOC = Path.of("").toAbsolutePath().getParent().resolve("docs/personnel-database.md");
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

    final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final Connection connection;
    private int staffNo;

    SampleDatabase() throws SQLException {
        connection = DriverManager.getConnection(url, "sa", "");
        try (Statement statement = connection.createStatement()) {
            for (String sql : documentedSql()) {
                statement.execute(sql);
            }
        }
    }

    /** The statements of the document's {@code sql} blocks, comments left out. */
    static List<String> documentedSql() {
        String doc;
        try {
            doc = Files.readString(DOC, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> statements = new ArrayList<>();
        Matcher block = SQL_BLOCK.matcher(doc);
        while (block.find()) {
            StringBuilder text = new StringBuilder();
            for (String line : block.group(1).split("\n")) {
                if (!line.strip().startsWith("--")) {
                    text.append(line).append('\n');
                }
            }
            for (String statement : text.toString().split(";")) {
                if (!statement.isBlank()) {
                    statements.add(statement.strip());
                }
            }
        }
        return statements;
    }

    PersonnelDatabaseSettings settings(int batchSize) {
        return new PersonnelDatabaseSettings(url, "sa", "${vault.personnel-db-password}", "ecpa.personnel", batchSize);
    }

    /** A staff row in the ministry's own terms: duty code 1 在職, 2 離職. */
    void staff(String idNo, String surname, String givenName, LocalDate bornOn, String mail, String orgCode, String dutyCode,
               OffsetDateTime updatedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hr.staff (staff_no, id_no, surname, given_name, born_on, office_mail, org_code, duty_code, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, ++staffNo);
            insert.setString(2, idNo);
            insert.setString(3, surname);
            insert.setString(4, givenName);
            insert.setObject(5, bornOn);
            insert.setString(6, mail);
            insert.setString(7, orgCode);
            insert.setString(8, dutyCode);
            insert.setObject(9, updatedAt);
            insert.executeUpdate();
        }
    }

    void execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        connection.close();
    }
}

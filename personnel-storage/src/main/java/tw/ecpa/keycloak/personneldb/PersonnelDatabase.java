package tw.ecpa.keycloak.personneldb;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The personnel database, read over JDBC through the contract of {@link PersonnelColumns}: one read-only
 * connection for one sync, its rows streamed (a cursor of {@code batchSize} rows at a time), so that
 * 400,000 rows never sit in memory at once; or one short-lived connection for the one row of a person
 * a login loads ({@link #connectForLookup}), with timeouts so that a database that does not answer
 * cannot hold the login.
 */
final class PersonnelDatabase implements AutoCloseable {

    private final Connection connection;
    private final String table;
    private final int fetchSize;
    /** Seconds a statement may run; 0: as long as it takes (a sync). */
    private final int queryTimeout;

    private PersonnelDatabase(Connection connection, String table, int fetchSize, int queryTimeout) {
        this.connection = connection;
        this.table = table;
        this.fetchSize = fetchSize;
        this.queryTimeout = queryTimeout;
    }

    /**
     * Connects with the driver Keycloak ships for the URL, named directly rather than found through
     * DriverManager, whose lookup depends on the class loader that first touched it.
     *
     * @param password the resolved password (not a vault expression); null when the database needs none
     */
    static PersonnelDatabase connect(PersonnelDatabaseSettings settings, String password) throws SQLException {
        return connect(settings, password, new Properties(), 0);
    }

    /**
     * A connection for a look-up while someone logs in: PostgreSQL's driver gives up connecting, logging in
     * and waiting for an answer after {@link PersonnelDatabaseSettings#lookupTimeoutSeconds()} (its own
     * {@code connectTimeout}, {@code loginTimeout} and {@code socketTimeout}, in seconds), so a database
     * host that is down or silent costs a login that long and no more; the statement carries the same
     * timeout for H2, whose driver has no such settings (an H2 server that is gone refuses at once).
     */
    static PersonnelDatabase connectForLookup(PersonnelDatabaseSettings settings, String password) throws SQLException {
        Properties timeouts = new Properties();
        if (settings.jdbcUrl().startsWith(PersonnelDatabaseSettings.POSTGRESQL_PREFIX)) {
            String seconds = String.valueOf(settings.lookupTimeoutSeconds());
            timeouts.setProperty("connectTimeout", seconds);
            timeouts.setProperty("loginTimeout", seconds);
            timeouts.setProperty("socketTimeout", seconds);
        }
        return connect(settings, password, timeouts, settings.lookupTimeoutSeconds());
    }

    private static PersonnelDatabase connect(PersonnelDatabaseSettings settings, String password, Properties properties,
                                             int queryTimeout) throws SQLException {
        String driverClass = settings.driverClass()
                .orElseThrow(() -> new SQLException("no driver Keycloak ships for this JDBC URL"));
        Driver driver = driver(driverClass);
        if (!settings.user().isEmpty()) {
            properties.setProperty("user", settings.user());
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        Connection connection = driver.connect(settings.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("the " + driverClass + " driver does not accept this JDBC URL");
        }
        try {
            connection.setReadOnly(true);
            // PostgreSQL streams a result set through a cursor only inside a transaction.
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return new PersonnelDatabase(connection, settings.table(), settings.batchSize(), queryTimeout);
    }

    /** The rows with this national ID: none, one, or (a data error of the database) more. */
    List<PersonnelRow> readByNationalId(String nationalId) throws SQLException {
        List<PersonnelRow> rows = new ArrayList<>(1);
        try (PreparedStatement statement = connection.prepareStatement(PersonnelColumns.selectByNationalId(table))) {
            statement.setString(1, nationalId);
            read(statement, rows::add);
        }
        return rows;
    }

    /** The (trimmed) national IDs that more than one row holds. */
    Set<String> duplicateNationalIds() throws SQLException {
        Set<String> duplicates = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(PersonnelColumns.selectDuplicateNationalIds(table));
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                duplicates.add(rows.getString(1));
            }
        }
        return duplicates;
    }

    /** Every row, in national-ID order. */
    void readAll(Consumer<PersonnelRow> each) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PersonnelColumns.selectAll(table))) {
            read(statement, each);
        }
    }

    /** The rows whose {@value PersonnelColumns#LAST_MODIFIED} is at or after {@code since}. */
    void readChangedSince(Instant since, Consumer<PersonnelRow> each) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PersonnelColumns.selectChangedSince(table))) {
            statement.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            read(statement, each);
        }
    }

    private void read(PreparedStatement statement, Consumer<PersonnelRow> each) throws SQLException {
        statement.setFetchSize(fetchSize);
        statement.setQueryTimeout(queryTimeout);
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                each.accept(new PersonnelRow(
                        rows.getString(PersonnelColumns.NATIONAL_ID),
                        rows.getString(PersonnelColumns.LAST_NAME),
                        rows.getString(PersonnelColumns.FIRST_NAME),
                        rows.getObject(PersonnelColumns.BIRTH_DATE, LocalDate.class),
                        rows.getString(PersonnelColumns.EMAIL),
                        rows.getString(PersonnelColumns.AGENCY_CODE),
                        rows.getString(PersonnelColumns.EMPLOYMENT_STATUS)));
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }

    private static Driver driver(String driverClass) throws SQLException {
        try {
            Class<?> type = Class.forName(driverClass, true, PersonnelDatabase.class.getClassLoader());
            return (Driver) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new SQLException("the JDBC driver " + driverClass + " is not on Keycloak's class path", e);
        }
    }
}

package tw.ecpa.keycloak.personneldb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.keycloak.component.ComponentModel;

/**
 * What an operator configures for {@code ecpa-personnel-db} in the admin console's User federation, read
 * from the component and checked. The password is kept as configured: a vault expression such as
 * {@code ${vault.personnel-db-password}} is resolved only when the sync connects ({@link PersonnelSync}).
 */
record PersonnelDatabaseSettings(String jdbcUrl, String user, String password, String table, int batchSize,
                                 boolean linkExistingUsers) {

    static final String JDBC_URL = "jdbcUrl";
    static final String USER = "user";
    static final String PASSWORD = "password";
    static final String TABLE = "table";
    static final String BATCH_SIZE = "batchSize";
    /** Whether a sync links a user of the realm's own (a realm import's) with the same national ID; off by default. */
    static final String LINK_EXISTING_USERS = "linkExistingUsers";

    static final int DEFAULT_BATCH_SIZE = 500;
    static final int LARGEST_BATCH_SIZE = 10_000;
    static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
    static final String H2_PREFIX = "jdbc:h2:";

    /** A table or view, optionally schema-qualified; nothing else, since the name is written into the SQL. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    /**
     * The H2 settings a URL may carry. H2 runs what {@code INIT=} says (a script, Java through CREATE ALIAS)
     * on connecting, so a realm administrator could otherwise run code in the server; only these are harmless.
     */
    private static final Set<String> H2_SETTINGS = Set.of("AUTO_SERVER", "IFEXISTS", "MODE", "ACCESS_MODE_DATA", "DB_CLOSE_DELAY");

    /**
     * The PostgreSQL driver's parameters that name a class to load or a file to write, refused for the same
     * reason, and the password, which belongs in the vault and would otherwise sit in a URL that logs show.
     */
    private static final Set<String> POSTGRESQL_REFUSED = Set.of("password", "socketfactory", "socketfactoryarg", "sslfactory",
            "sslfactoryarg", "sslhostnameverifier", "sslpasswordcallback", "authenticationpluginclassname", "loggerfile",
            "loggerlevel");

    /** Settings that leave users this provider did not import alone, as the default does. */
    PersonnelDatabaseSettings(String jdbcUrl, String user, String password, String table, int batchSize) {
        this(jdbcUrl, user, password, table, batchSize, false);
    }

    static PersonnelDatabaseSettings of(ComponentModel model) {
        String batch = model.get(BATCH_SIZE);
        int batchSize;
        try {
            batchSize = batch == null || batch.isBlank() ? DEFAULT_BATCH_SIZE : Integer.parseInt(batch.strip());
        } catch (NumberFormatException e) {
            batchSize = -1;
        }
        return new PersonnelDatabaseSettings(stripped(model.get(JDBC_URL)), stripped(model.get(USER)), model.get(PASSWORD),
                stripped(model.get(TABLE)), batchSize, Boolean.parseBoolean(stripped(model.get(LINK_EXISTING_USERS))));
    }

    /** Every problem of these settings, each a message for the admin console, zh-Hant first; empty when they are usable. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (jdbcUrl.isEmpty()) {
            problems.add("請填寫公務人力資料庫的 JDBC URL。 The JDBC URL of the personnel database is required.");
        } else if (driverClass().isEmpty()) {
            problems.add("JDBC URL 須以 jdbc:postgresql: 或 jdbc:h2: 開頭（Keycloak 內附的驅動程式）。"
                    + " The JDBC URL must start with jdbc:postgresql: or jdbc:h2: (the drivers Keycloak ships).");
        } else {
            unsafeParameter().ifPresent(parameter -> problems.add("JDBC URL 不可含參數 " + parameter + "。"
                    + " The JDBC URL may not carry the parameter " + parameter + "."));
        }
        if (!TABLE_NAME.matcher(table).matches()) {
            problems.add("資料表或檢視表名稱須為 名稱 或 結構描述.名稱（英文字母、數字、底線）。"
                    + " The table or view must be a name or schema.name of letters, digits and underscores.");
        }
        if (batchSize < 1 || batchSize > LARGEST_BATCH_SIZE) {
            problems.add("批次筆數須為 1 至 " + LARGEST_BATCH_SIZE + " 的整數。"
                    + " The batch size must be a whole number from 1 to " + LARGEST_BATCH_SIZE + ".");
        }
        return problems;
    }

    /** The driver Keycloak ships for this URL. */
    Optional<String> driverClass() {
        if (jdbcUrl.startsWith(POSTGRESQL_PREFIX)) {
            return Optional.of("org.postgresql.Driver");
        }
        if (jdbcUrl.startsWith(H2_PREFIX)) {
            return Optional.of("org.h2.Driver");
        }
        return Optional.empty();
    }

    private Optional<String> unsafeParameter() {
        if (jdbcUrl.startsWith(H2_PREFIX)) {
            String[] parts = jdbcUrl.split(";");
            for (int i = 1; i < parts.length; i++) {
                String name = parts[i].split("=", 2)[0].strip().toUpperCase(Locale.ROOT);
                if (!name.isEmpty() && !H2_SETTINGS.contains(name)) {
                    return Optional.of(name);
                }
            }
            return Optional.empty();
        }
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        for (String pair : jdbcUrl.substring(query + 1).split("&")) {
            String name = pair.split("=", 2)[0].strip();
            if (POSTGRESQL_REFUSED.contains(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static String stripped(String value) {
        return value == null ? "" : value.strip();
    }

    /** The password left out, so that the settings can be logged or shown in an exception. */
    @Override
    public String toString() {
        return "PersonnelDatabaseSettings[" + jdbcUrl + ", user=" + user + ", table=" + table + ", batchSize=" + batchSize
                + ", linkExistingUsers=" + linkExistingUsers + "]";
    }
}

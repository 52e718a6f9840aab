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
                                 int lookupTimeoutSeconds, int onLoadCacheSeconds, boolean linkExistingUsers) {

    static final String JDBC_URL = "jdbcUrl";
    static final String USER = "user";
    static final String PASSWORD = "password";
    static final String TABLE = "table";
    static final String BATCH_SIZE = "batchSize";
    static final String LOOKUP_TIMEOUT = "lookupTimeoutSeconds";
    static final String ON_LOAD_CACHE = "onLoadCacheSeconds";
    /** Whether a sync links a user of the realm's own (a realm import's) with the same national ID; off by default. */
    static final String LINK_EXISTING_USERS = "linkExistingUsers";

    /**
     * Small: every user Keycloak adds flushes the transaction's whole Hibernate persistence context, and every
     * query flushes it again, so a batch's cost grows with the square of its size. 50 imported 3.6 times as many
     * rows a second as 500 on PostgreSQL (benchmarks/RESULTS.md, "400,000 personnel records").
     */
    static final int DEFAULT_BATCH_SIZE = 50;
    static final int LARGEST_BATCH_SIZE = 10_000;
    /** A login waits at most about this long for a database that does not answer. */
    static final int DEFAULT_LOOKUP_TIMEOUT = 2;
    static final int LONGEST_LOOKUP_TIMEOUT = 30;
    /** How long the answer of one look-up on load stands for that person (docs/personnel-database.md). */
    static final int DEFAULT_ON_LOAD_CACHE = 30;
    static final int LONGEST_ON_LOAD_CACHE = 3600;
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

    /** The settings of a sync alone: the look-up on load at its defaults, users this provider did not import left alone. */
    PersonnelDatabaseSettings(String jdbcUrl, String user, String password, String table, int batchSize) {
        this(jdbcUrl, user, password, table, batchSize, DEFAULT_LOOKUP_TIMEOUT, DEFAULT_ON_LOAD_CACHE, false);
    }

    /** A sync's settings with or without linking, the look-up on load at its defaults. */
    PersonnelDatabaseSettings(String jdbcUrl, String user, String password, String table, int batchSize, boolean linkExistingUsers) {
        this(jdbcUrl, user, password, table, batchSize, DEFAULT_LOOKUP_TIMEOUT, DEFAULT_ON_LOAD_CACHE, linkExistingUsers);
    }

    /** With the look-up on load's settings, linking off. */
    PersonnelDatabaseSettings(String jdbcUrl, String user, String password, String table, int batchSize,
                              int lookupTimeoutSeconds, int onLoadCacheSeconds) {
        this(jdbcUrl, user, password, table, batchSize, lookupTimeoutSeconds, onLoadCacheSeconds, false);
    }

    static PersonnelDatabaseSettings of(ComponentModel model) {
        return new PersonnelDatabaseSettings(stripped(model.get(JDBC_URL)), stripped(model.get(USER)), model.get(PASSWORD),
                stripped(model.get(TABLE)), number(model.get(BATCH_SIZE), DEFAULT_BATCH_SIZE),
                number(model.get(LOOKUP_TIMEOUT), DEFAULT_LOOKUP_TIMEOUT), number(model.get(ON_LOAD_CACHE), DEFAULT_ON_LOAD_CACHE),
                Boolean.parseBoolean(stripped(model.get(LINK_EXISTING_USERS))));
    }

    /** The whole number configured, the default when none is, -1 (refused by {@link #problems()}) when it is no number. */
    private static int number(String configured, int defaultValue) {
        try {
            return configured == null || configured.isBlank() ? defaultValue : Integer.parseInt(configured.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
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
        if (lookupTimeoutSeconds < 1 || lookupTimeoutSeconds > LONGEST_LOOKUP_TIMEOUT) {
            problems.add("查詢逾時秒數須為 1 至 " + LONGEST_LOOKUP_TIMEOUT + " 的整數。"
                    + " The look-up timeout must be a whole number of seconds from 1 to " + LONGEST_LOOKUP_TIMEOUT + ".");
        }
        if (onLoadCacheSeconds < 0 || onLoadCacheSeconds > LONGEST_ON_LOAD_CACHE) {
            problems.add("登入查詢結果保留秒數須為 0 至 " + LONGEST_ON_LOAD_CACHE + " 的整數。"
                    + " The seconds a look-up on load is kept must be a whole number from 0 to " + LONGEST_ON_LOAD_CACHE + ".");
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
                + ", lookupTimeoutSeconds=" + lookupTimeoutSeconds + ", onLoadCacheSeconds=" + onLoadCacheSeconds
                + ", linkExistingUsers=" + linkExistingUsers + "]";
    }
}

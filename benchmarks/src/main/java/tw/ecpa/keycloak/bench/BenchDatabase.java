package tw.ecpa.keycloak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The database a bench Keycloak runs on, chosen by {@code -Dbench.db}:
 * <ul>
 *   <li>{@code dev-file} (default): an H2 file under the records directory, as before;</li>
 *   <li>{@code postgres}: one PostgreSQL database per dataset ({@code ecpa_records_N}) on a local cluster
 *       ({@code bench.postgres.host} 127.0.0.1, {@code .port} 5433, {@code .user}/{@code .password} bench), the
 *       database an operator would run a ministry's 400,000 personnel on. H2's commit of one 400,000-user
 *       import transaction did not finish (RESULTS.md), PostgreSQL's does.</li>
 * </ul>
 * Keycloak's distribution ships the PostgreSQL JDBC driver; the bench itself only needs {@code psql} (Debian's
 * postgresql-client) to drop and create the dataset's database before a load.
 */
final class BenchDatabase {

    private final String kind;
    private final Path recordsDirectory;
    private final int records;

    private BenchDatabase(String kind, Path recordsDirectory, int records) {
        this.kind = kind;
        this.recordsDirectory = recordsDirectory.toAbsolutePath();
        this.records = records;
    }

    /** The database of the dataset of {@code records} records kept in {@code recordsDirectory}. */
    static BenchDatabase of(Path recordsDirectory, int records) {
        String kind = System.getProperty("bench.db", "dev-file");
        if (!kind.equals("dev-file") && !kind.equals("postgres")) {
            throw new IllegalArgumentException("bench.db is dev-file or postgres, not " + kind);
        }
        return new BenchDatabase(kind, recordsDirectory, records);
    }

    boolean isPostgres() {
        return kind.equals("postgres");
    }

    String describe() {
        return isPostgres() ? "PostgreSQL database " + name() + " on " + host() + ":" + port() : "H2 file " + recordsDirectory;
    }

    /** The kc.sh options for this database; {@code --db} is a build option, so switching kind re-augments once. */
    List<String> keycloakOptions() {
        if (isPostgres()) {
            return List.of("--db=postgres", "--db-url=jdbc:postgresql://" + host() + ":" + port() + "/" + name(),
                    "--db-username=" + user(), "--db-password=" + password());
        }
        return List.of("--db=dev-file", "--db-url=jdbc:h2:file:" + recordsDirectory.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE");
    }

    /** Drops and creates the PostgreSQL database (the H2 file goes with its directory, which the caller deletes). */
    void recreate() {
        if (!isPostgres()) {
            return;
        }
        psql("DROP DATABASE IF EXISTS " + name());
        psql("CREATE DATABASE " + name() + " ENCODING 'UTF8'");
    }

    private void psql(String sql) {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host(), "-p", port(),
                "-U", user(), "-d", "postgres", "-c", sql));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).inheritIO();
        builder.environment().put("PGPASSWORD", password());
        try {
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("psql failed (exit " + exit + "): " + sql);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String name() {
        return "ecpa_records_" + records;
    }

    private static String host() {
        return System.getProperty("bench.postgres.host", "127.0.0.1");
    }

    private static String port() {
        return System.getProperty("bench.postgres.port", "5433");
    }

    private static String user() {
        return System.getProperty("bench.postgres.user", "bench");
    }

    private static String password() {
        return System.getProperty("bench.postgres.password", "bench");
    }
}

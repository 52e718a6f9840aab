package tw.ecpa.keycloak.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tw.ecpa.keycloak.dev.demo.DemoPersonnel;
import tw.ecpa.keycloak.dev.server.PrivatePostgres;

/**
 * The personnel database at scale ({@code benchmarks/run --db=postgres --personnel-db N}): N rows in the
 * documented schema and view (docs/personnel-database.md: {@code hr.staff}, the view {@code ecpa.personnel},
 * the {@code updated_at} trigger, a reader that may only read the view), in a schema of the bench's own
 * PostgreSQL beside Keycloak's tables; an {@code ecpa-personnel-db} component made through the admin API as an
 * operator makes it; then the full sync and a changed sync of 1,000 changed rows, both timed, both checked
 * against the counts the sync answers. The server's heap and RSS after the sync, and a JFR recording of the
 * full sync, go beside the figures in {@code target/bench/personnel-sync.properties}.
 *
 * <p>The rows are people of their own (national-ID letter {@value #LETTER}, valid checksums from core's
 * validator through {@link BenchPeople#nationalId}), in the demo agencies the realm holds, so every row is
 * expected to import: the realm's 1,000 bench records stay as the realm import made them, and the logins of the
 * second pass run with N federated records more in the realm.
 */
final class PersonnelScale {

    /** No demo or bench person has this letter (demo A–U, bench S, P, N, R, F). */
    static final char LETTER = 'W';
    static final int CHANGED_ROWS = 1000;
    /**
     * The component's batch size ({@code -Dbench.personnelBatchSize}, default 50, the provider's default): rows per
     * cursor fetch and per Keycloak transaction.
     */
    static final int BATCH_SIZE = Integer.getInteger("bench.personnelBatchSize", 50);
    /** The admin API answers a sync when it is done; 400,000 rows on 2 shared cores take a while. */
    private static final Duration SYNC_TIMEOUT = Duration.ofHours(3);

    private final PrivatePostgres postgres;
    private final String baseUrl;
    private final String adminPassword;
    private final String realm;
    private final List<String> agencies;
    private final int rows;
    private final Path run;

    PersonnelScale(PrivatePostgres postgres, String baseUrl, String adminPassword, String realm, DemoPersonnel demo, int rows, Path run) {
        if (rows < CHANGED_ROWS) {
            throw new IllegalArgumentException("--personnel-db needs at least " + CHANGED_ROWS + " rows (the changed sync changes that many), not " + rows);
        }
        this.postgres = postgres;
        this.baseUrl = baseUrl;
        this.adminPassword = adminPassword;
        this.realm = realm;
        this.agencies = demo.agencies().stream().map(DemoPersonnel.Agency::code).toList();
        this.rows = rows;
        this.run = run;
    }

    /** The whole scale step; returns the figures (also written to {@code personnel-sync.properties}). */
    Properties run(long keycloakPid) throws IOException {
        Properties figures = new Properties();
        figures.setProperty("rows", Integer.toString(rows));
        figures.setProperty("batchSize", Integer.toString(BATCH_SIZE));
        String readerPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Instant started = Instant.now();
        createSchema(readerPassword);
        insertRows();
        psql("ANALYZE hr.staff");
        long loadSeconds = Duration.between(started, Instant.now()).toSeconds();
        figures.setProperty("load.seconds", Long.toString(loadSeconds));
        System.out.printf("Personnel table: %,d rows written to hr.staff (view ecpa.personnel) in %d s%n", rows, loadSeconds);

        String component = addComponent(readerPassword);
        Path recording = run.resolve("personnel-sync.jfr");
        Files.deleteIfExists(recording);
        ServerMemory.jcmd(keycloakPid, "JFR.start", "name=personnel-sync", "settings=profile", "filename=" + recording);
        System.out.printf("Full sync of %,d rows (batches of %d; JFR recording %s) ...%n", rows, BATCH_SIZE, recording);
        Instant fullStart = Instant.now();
        JsonNode full = sync(component, "triggerFullSync");
        Duration fullTook = Duration.between(fullStart, Instant.now());
        ServerMemory.jcmd(keycloakPid, "JFR.stop", "name=personnel-sync");
        record(figures, "full", full, fullTook);
        check(full, "added", rows, "full");
        check(full, "failed", 0, "full");

        int step = rows / CHANGED_ROWS;
        Instant changedAt = Instant.now();
        psql("UPDATE hr.staff SET given_name = given_name || '甲' WHERE staff_no % " + step + " = 0 AND staff_no < " + (step * CHANGED_ROWS));
        System.out.printf("%,d rows changed (given_name; the trigger sets updated_at) in %d ms; changed sync ...%n", CHANGED_ROWS,
                Duration.between(changedAt, Instant.now()).toMillis());
        Instant changedStart = Instant.now();
        JsonNode changed = sync(component, "triggerChangedUsersSync");
        record(figures, "changed", changed, Duration.between(changedStart, Instant.now()));
        check(changed, "updated", CHANGED_ROWS, "changed");
        check(changed, "added", 0, "changed");
        check(changed, "failed", 0, "changed");

        long federated = Long.parseLong(psqlValue("SELECT count(*) FROM user_entity WHERE federation_link = '" + component + "'"));
        long users = Long.parseLong(psqlValue("SELECT count(*) FROM user_entity u JOIN realm r ON r.id = u.realm_id WHERE r.name = '" + realm + "'"));
        figures.setProperty("federatedUsers", Long.toString(federated));
        figures.setProperty("realmUsers", Long.toString(users));
        System.out.printf("Realm %s now holds %,d users, %,d of them linked to the personnel database%n", realm, users, federated);
        figures.putAll(ServerMemory.measure(keycloakPid, "afterSync."));
        try (var out = Files.newBufferedWriter(run.resolve("personnel-sync.properties"))) {
            figures.store(out, "benchmarks/run --personnel-db " + rows);
        }
        return figures;
    }

    /** The schema and view of docs/personnel-database.md, verbatim in shape, and the reader that may read the view only. */
    private void createSchema(String readerPassword) {
        psql("""
                DROP SCHEMA IF EXISTS ecpa CASCADE;
                DROP SCHEMA IF EXISTS hr CASCADE;
                CREATE SCHEMA hr;
                CREATE TABLE hr.staff (
                    staff_no     INTEGER PRIMARY KEY,
                    id_no        CHAR(10) NOT NULL,
                    surname      VARCHAR(40) NOT NULL,
                    given_name   VARCHAR(40) NOT NULL,
                    born_on      DATE,
                    office_mail  VARCHAR(254),
                    org_code     VARCHAR(10) NOT NULL,
                    duty_code    CHAR(1) NOT NULL,
                    updated_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
                );
                CREATE INDEX staff_id_no ON hr.staff (id_no);
                CREATE INDEX staff_updated_at ON hr.staff (updated_at);
                CREATE SCHEMA ecpa;
                CREATE VIEW ecpa.personnel AS
                SELECT id_no       AS national_id,
                       surname     AS last_name,
                       given_name  AS first_name,
                       born_on     AS birth_date,
                       office_mail AS email,
                       org_code    AS agency_code,
                       CASE duty_code WHEN '1' THEN 'serving' WHEN '2' THEN 'departed' END AS employment_status,
                       updated_at  AS last_modified
                FROM hr.staff;
                CREATE FUNCTION hr.touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.updated_at := now();
                    RETURN NEW;
                END $$;
                CREATE TRIGGER staff_touch BEFORE UPDATE ON hr.staff
                    FOR EACH ROW EXECUTE FUNCTION hr.touch_updated_at();
                DROP ROLE IF EXISTS keycloak_reader;
                """ + "CREATE ROLE keycloak_reader LOGIN PASSWORD '" + readerPassword + "';\n" + """
                GRANT USAGE ON SCHEMA ecpa TO keycloak_reader;
                GRANT SELECT ON ecpa.personnel TO keycloak_reader;
                """);
    }

    /** {@code COPY hr.staff FROM STDIN}: the rows streamed to psql as they are made, none kept in memory. */
    private void insertRows() {
        Process psql = start(List.of("-o", "/dev/null", "-c", "COPY hr.staff (staff_no, id_no, surname, given_name, born_on, office_mail, org_code, duty_code)"
                + " FROM STDIN"));
        LocalDate firstBirthday = LocalDate.of(1960, 1, 1);
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(psql.getOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < rows; i++) {
                out.write(i + "\t" + BenchPeople.nationalId(LETTER, i) + "\t測\t庫" + BenchPeople.number(i) + "\t"
                        + firstBirthday.plusDays(i % 15000) + "\tw" + BenchPeople.number(i) + "@personnel.ecpa.test\t"
                        + agencies.get(i % agencies.size()) + "\t1\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await(psql, "COPY hr.staff");
    }

    private String addComponent(String readerPassword) {
        AdminClient admin = new AdminClient(baseUrl, adminPassword);
        ObjectNode component = JsonNodeFactory.instance.objectNode()
                .put("name", "公務人力資料庫").put("providerId", "ecpa-personnel-db")
                .put("providerType", "org.keycloak.storage.UserStorageProvider")
                .put("parentId", admin.get("/" + realm).path("id").asText());
        ObjectNode config = component.putObject("config");
        config.putArray("jdbcUrl").add(postgres.jdbcUrl());
        config.putArray("user").add("keycloak_reader");
        // A plain password (the bench realm has no vault); docs/personnel-database.md puts it in the vault.
        config.putArray("password").add(readerPassword);
        config.putArray("table").add("ecpa.personnel");
        config.putArray("batchSize").add(Integer.toString(BATCH_SIZE));
        config.putArray("enabled").add("true");
        config.putArray("importEnabled").add("true");
        String id = admin.post("/" + realm + "/components", component);
        System.out.println("Component ecpa-personnel-db added (" + id + "), reading ecpa.personnel as keycloak_reader");
        return id;
    }

    /** A new admin token for every call: the master realm's tokens last a minute, a sync much longer. */
    private JsonNode sync(String component, String action) {
        return new AdminClient(baseUrl, adminPassword).postForAnswer("/" + realm + "/user-storage/" + component + "/sync?action=" + action,
                SYNC_TIMEOUT);
    }

    private static void record(Properties figures, String sync, JsonNode answer, Duration took) {
        double seconds = took.toMillis() / 1000.0;
        int handled = answer.path("added").asInt() + answer.path("updated").asInt();
        figures.setProperty(sync + ".seconds", String.format(Locale.ROOT, "%.1f", seconds));
        figures.setProperty(sync + ".rowsPerSecond", String.format(Locale.ROOT, "%.0f", handled / Math.max(0.001, seconds)));
        for (String count : List.of("added", "updated", "removed", "failed", "ignored")) {
            figures.setProperty(sync + "." + count, Integer.toString(answer.path(count).asInt()));
        }
        System.out.printf(Locale.ROOT, "%s sync: %.1f s, %.0f rows/s; the sync answered %s%n", sync, seconds,
                handled / Math.max(0.001, seconds), answer);
    }

    private static void check(JsonNode answer, String count, int expected, String sync) {
        if (answer.path(count).asInt(-1) != expected) {
            throw new IllegalStateException("the " + sync + " sync answered " + count + " = " + answer.path(count).asText() + ", not "
                    + expected + ": " + answer);
        }
    }

    private void psql(String sql) {
        Process psql = start(List.of("-c", sql));
        try {
            psql.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await(psql, sql.lines().findFirst().orElse(sql));
    }

    private String psqlValue(String sql) {
        Process psql = start(List.of("-t", "-A", "-c", sql));
        try {
            String value = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            await(psql, sql);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** psql as the database's owner, by TCP on 127.0.0.1 (the private cluster has no socket), the password by environment. */
    private Process start(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                "-p", Integer.toString(postgres.port()), "-U", postgres.user(), "-d", PrivatePostgres.DATABASE));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PGPASSWORD", postgres.password());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("psql (Debian's postgresql-client) is needed", e);
        }
    }

    private static void await(Process psql, String what) {
        try {
            int exit = psql.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("psql failed (exit " + exit + "): " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

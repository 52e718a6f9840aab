package tw.ecpa.keycloak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tw.ecpa.keycloak.dev.server.KeycloakProcess;

/**
 * The Keycloak distribution under benchmarks/target/keycloak, run as an operator would run one node: {@code kc.sh
 * start} (production profile: themes and templates cached, unlike start-dev), local caches, plain HTTP on
 * 127.0.0.1, and a kept database per dataset ({@link BenchDatabase}: an H2 file, or PostgreSQL for the
 * 400,000-record run) so that a loaded dataset is not loaded twice. Ports stay clear of the integration
 * tests (8080/9000) and the dev launcher (8180/9100).
 */
public final class BenchKeycloak implements AutoCloseable {

    public static final int HTTP_PORT = Integer.getInteger("bench.keycloakPort", 8380);
    public static final int MANAGEMENT_PORT = Integer.getInteger("bench.managementPort", 9300);

    /**
     * The personnel API allows a caller 30 resets and 120 look-ups (searches and reset requests) an hour; the
     * benchmark's one officer makes thousands of each.
     */
    static final List<String> PERSONNEL_LIMITS = List.of("--spi-admin-realm-restapi-extension--ecpa-personnel--resets-per-hour=100000000",
            "--spi-admin-realm-restapi-extension--ecpa-personnel--lookups-per-hour=100000000");

    private final Path home;
    private final BenchDatabase database;
    private Process process;

    BenchKeycloak(Path home, BenchDatabase database) {
        this.home = home.toAbsolutePath();
        this.database = database;
    }

    /** Where {@code --import-realm} reads realm files: the distribution's data/import. */
    public Path importFolder() {
        return home.resolve("data/import");
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + HTTP_PORT;
    }

    /** The options both {@code start} and {@code import} need: the same database and build options. */
    List<String> databaseOptions() {
        List<String> options = new ArrayList<>(database.keycloakOptions());
        options.add("--cache=local");
        return options;
    }

    /** Starts the server, importing the realm files of {@link #importFolder()} if {@code importRealm}. */
    public void start(boolean importRealm, String adminPassword, Path log, List<String> extraOptions) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start"));
        command.addAll(databaseOptions());
        command.addAll(List.of("--http-enabled=true", "--hostname-strict=false", "--http-host=127.0.0.1",
                "--http-port=" + HTTP_PORT, "--http-management-port=" + MANAGEMENT_PORT, "--health-enabled=true"));
        command.addAll(PERSONNEL_LIMITS);
        if (importRealm) {
            command.add("--import-realm");
        }
        command.addAll(extraOptions);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KeycloakProcess.awaitRealm(process, URI.create(baseUrl() + "/realms/master"), Duration.ofMinutes(8), log);
    }

    /**
     * {@code kc.sh import --dir}: the operator's bulk load of a realm file plus users files. Returns once
     * the command has finished; throws if it failed.
     */
    public Duration importDirectory(Path dir, Path log, String adminPassword) {
        // kc.sh import runs the whole directory in one transaction under the JPA migration timeout (30 min by
        // default), which 400,000 records on 2 busy cores exceed: everything is rolled back. Four hours here.
        List<String> command = new ArrayList<>(List.of("nice", "-n", "10", home.resolve("bin/kc.sh").toString(), "import",
                "--dir=" + dir, "--override=false", "--spi-connections-jpa--quarkus--migration-transaction-timeout=14400"));
        command.addAll(databaseOptions());
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        Instant started = Instant.now();
        try {
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kc.sh import failed (exit " + exit + "); see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Duration.between(started, Instant.now());
    }

    public long pid() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    @Override
    public void close() {
        KeycloakProcess.stop(process, Duration.ofSeconds(60));
    }
}

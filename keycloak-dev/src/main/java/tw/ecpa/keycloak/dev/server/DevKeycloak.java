package tw.ecpa.keycloak.dev.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Keycloak distribution Maven unpacked (the launcher's under keycloak-dev/target/keycloak, the restart
 * test's under integration-tests/target/restart-keycloak), run in development mode on the embedded H2
 * database. Every start begins from an empty database and imports the realm file it is given, so two runs
 * in a row behave the same and no state leaks from one to the next. A {@linkplain #restart restart} keeps
 * the database, as an operator's restart would.
 */
public final class DevKeycloak implements AutoCloseable {

    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private Process process;

    public DevKeycloak(Path home, int httpPort, int managementPort) {
        this.home = home.toAbsolutePath();
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        if (!Files.isExecutable(this.home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + "; run keycloak-dev/start, which unpacks it");
        }
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + httpPort);
    }

    /**
     * Starts Keycloak with {@code realmJson} imported and the given bootstrap administrator, and
     * returns once the realm answers. The server's output goes to {@code log}.
     */
    public void start(String realmName, String realmJson, String adminUser, String adminPassword, Path log) {
        requireFree(httpPort);
        requireFree(managementPort);
        try {
            Files.deleteIfExists(log);
            Directories.deleteRecursively(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.writeString(imports.resolve(realmName + "-realm.json"), realmJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        launch(realmName, adminUser, adminPassword, log);
    }

    /**
     * Stops Keycloak and starts it again on the database it had: nothing is deleted and the realm file,
     * still in {@code data/import}, is skipped because the realm exists. Returns once the realm answers.
     */
    public void restart(String realmName, String adminUser, String adminPassword, Path log) {
        close();
        Ports.awaitFree(httpPort, Duration.ofSeconds(30));
        Ports.awaitFree(managementPort, Duration.ofSeconds(30));
        requireFree(httpPort);
        requireFree(managementPort);
        launch(realmName, adminUser, adminPassword, log);
    }

    private void launch(String realmName, String adminUser, String adminPassword, Path log) {
        try {
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                    "--import-realm", "--spi-theme--cache-themes=false", "--spi-theme--cache-templates=false"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KeycloakProcess.awaitRealm(process, URI.create("http://127.0.0.1:" + httpPort + "/realms/" + realmName), Duration.ofMinutes(4), log);
    }

    private static void requireFree(int port) {
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is taken: is an earlier dev Keycloak still running?");
        }
    }

    /** The JVM that kc.sh started may take a moment after the script to let go of its ports. */
    /** Stops Keycloak and the JVM the start script launched, gracefully first. */
    @Override
    public void close() {
        KeycloakProcess.stop(process, Duration.ofSeconds(30));
    }
}

package tw.ecpa.keycloak.dev.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Keycloak of a {@link KeycloakCluster}: {@code kc.sh start --optimized} (production mode) of the
 * cluster's distribution on the cluster's PostgreSQL, plain HTTP on 127.0.0.1, Infinispan's transport on
 * 127.0.0.1 too, with a node name of its own so that logs and Keycloak's routes tell the nodes apart.
 * It can be stopped gently (SIGTERM, a rolling restart's step) or killed (SIGKILL, a crash), and started
 * again on the same database.
 */
public final class ClusterNode implements AutoCloseable {

    /** Infinispan's "new cluster view" line, e.g. {@code ISPN000094: Received new cluster view for channel ISPN: [node-1-123|1] (2) [...]}. */
    private static final Pattern CLUSTER_VIEW = Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^]]*] \\((\\d+)\\)");

    private final String name;
    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private final int transportPort;
    private final URI publicUrl;
    private final List<String> serverOptions;
    private final Path log;
    private Process process;

    ClusterNode(String name, Path home, int httpPort, int managementPort, int transportPort, URI publicUrl,
                List<String> serverOptions, Path log) {
        this.name = name;
        this.home = home;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.transportPort = transportPort;
        this.publicUrl = publicUrl;
        this.serverOptions = serverOptions;
        this.log = log;
    }

    public String name() {
        return name;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** The management interface: {@code /health}, {@code /metrics}. */
    public URI managementUrl() {
        return URI.create("http://127.0.0.1:" + managementPort);
    }

    public int httpPort() {
        return httpPort;
    }

    public Path log() {
        return log;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the node and returns once {@code realmName} answers; {@code importRealm} for the first node of a fresh database. */
    void start(PrivatePostgres database, String realmName, boolean importRealm, Map<String, String> environment) {
        Ports.requireFree(httpPort);
        Ports.requireFree(managementPort);
        Ports.requireFree(transportPort);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--db-url=" + database.jdbcUrl(), "--db-username=" + database.user(),
                "--http-enabled=true", publicUrl == null ? "--hostname-strict=false" : "--hostname=" + publicUrl, "--http-host=127.0.0.1",
                "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--cache-embedded-network-bind-address=127.0.0.1", "--cache-embedded-network-bind-port=" + transportPort));
        command.add("--spi-cache-embedded--default--node-name=" + name);
        command.addAll(serverOptions);
        if (importRealm) {
            command.add("--import-realm");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        // the password by environment, not on the command line that ps shows
        builder.environment().put("KC_DB_PASSWORD", database.password());
        try {
            Files.writeString(log, "=== " + name + " starts at " + Instant.now() + " ===\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KeycloakProcess.awaitRealm(process, URI.create(baseUrl() + "/realms/" + realmName), Duration.ofMinutes(6), log);
    }

    /** The number of members in the newest cluster view this node logged (0 before it joined any). */
    public int clusterSize() {
        try {
            Matcher matcher = CLUSTER_VIEW.matcher(Files.readString(log, StandardCharsets.UTF_8));
            int size = 0;
            while (matcher.find()) {
                size = Integer.parseInt(matcher.group(1));
            }
            return size;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Waits until this node's newest cluster view has {@code members} members. */
    public void awaitClusterSize(int members, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (clusterSize() != members) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " saw a cluster of " + clusterSize() + ", not " + members + ", within "
                        + limit.toSeconds() + " s; see " + log);
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /** A gentle stop (SIGTERM to the script and the JVM): the node leaves the cluster and hands its cache entries over. */
    public void stop() {
        KeycloakProcess.stop(process, Duration.ofSeconds(60));
        awaitPortsFree();
    }

    /** A crash: SIGKILL to the JVM and the script, no goodbye to the cluster, no transaction finished. */
    public void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(p -> p.onExit().join());
        awaitPortsFree();
    }

    private void awaitPortsFree() {
        for (int port : new int[] {httpPort, managementPort, transportPort}) {
            Ports.awaitFree(port, Duration.ofSeconds(30));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        KeycloakProcess.stop(process, Duration.ofSeconds(60));
    }

    @Override
    public String toString() {
        return name + " (" + baseUrl() + ")";
    }
}

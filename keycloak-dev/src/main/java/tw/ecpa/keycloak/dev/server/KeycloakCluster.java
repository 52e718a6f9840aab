package tw.ecpa.keycloak.dev.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak as a ministry runs it: several nodes in production mode on one PostgreSQL database, clustered by
 * Keycloak's own Infinispan with its default {@code jdbc-ping} discovery (the nodes find each other through
 * a table of that database). Everything listens on 127.0.0.1. The distribution is built once for PostgreSQL
 * with health and metrics on the management interface, then every node starts {@code --optimized} from it.
 *
 * <p>Every start begins from a new database and imports the realm file on the first node, as
 * {@link DevKeycloak} does on H2. Node {@code i} (from 0) listens on {@code httpPort + 100 i} and
 * {@code managementPort + 100 i}, its cluster transport on {@code transportPort + i}.
 */
public final class KeycloakCluster implements AutoCloseable {

    private final Path home;
    private final PrivatePostgres database;
    private final List<ClusterNode> nodes;
    private final String realmName;
    private final Map<String, String> bootstrapAdmin;

    private KeycloakCluster(Path home, PrivatePostgres database, List<ClusterNode> nodes, String realmName, Map<String, String> bootstrapAdmin) {
        this.home = home;
        this.database = database;
        this.nodes = nodes;
        this.realmName = realmName;
        this.bootstrapAdmin = bootstrapAdmin;
    }

    /**
     * The shape of a cluster: how many nodes, the first node's HTTP, management and cluster-transport ports,
     * the database's port, and the public address every node puts in its pages, redirects and token
     * issuers, as behind a load balancer ({@code null}: each node names itself after the request, so each
     * can be used on its own address, as the dev launcher does), and more {@code kc.sh start} options.
     */
    public record Topology(int nodes, int httpPort, int managementPort, int transportPort, int databasePort, URI publicUrl,
                           List<String> serverOptions) {

        public Topology {
            if (nodes < 1 || nodes > 9) {
                throw new IllegalArgumentException("a cluster of 1 to 9 nodes, not " + nodes);
            }
            serverOptions = List.copyOf(serverOptions);
        }

        /** The same with more {@code kc.sh start} options for every node (an SPI setting, say). */
        public Topology withServerOptions(String... options) {
            List<String> all = new ArrayList<>(serverOptions);
            all.addAll(List.of(options));
            return new Topology(nodes, httpPort, managementPort, transportPort, databasePort, publicUrl, all);
        }
    }

    /**
     * Starts the database and the nodes with {@code realmJson} imported; returns once every node
     * serves the realm and sees all the others in its cluster view. Logs go to {@code workDirectory}.
     */
    public static KeycloakCluster start(Path home, Path workDirectory, Topology topology, String realmName, String realmJson,
                                        String adminUser, String adminPassword) {
        return start(home, workDirectory, topology, topology.nodes(), realmName, realmJson, adminUser, adminPassword);
    }

    /**
     * The same, but only the first {@code running} nodes start now; {@link #startAgain} starts the others
     * later, so that one run can measure one node and then the cluster it grows into (the benchmarks).
     */
    public static KeycloakCluster start(Path home, Path workDirectory, Topology topology, int running, String realmName, String realmJson,
                                        String adminUser, String adminPassword) {
        if (running < 1 || running > topology.nodes()) {
            throw new IllegalArgumentException("1 to " + topology.nodes() + " nodes running at start, not " + running);
        }
        Path distribution = home.toAbsolutePath();
        Path work = workDirectory.toAbsolutePath();
        if (!Files.isExecutable(distribution.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + distribution);
        }
        int size = topology.nodes();
        List<ClusterNode> nodes = new ArrayList<>();
        PrivatePostgres database = null;
        KeycloakCluster cluster = null;
        try {
            Files.createDirectories(work);
            database = PrivatePostgres.start(work.resolve("postgres"), topology.databasePort());
            Path buildLog = work.resolve("kc-build.log");
            Files.deleteIfExists(buildLog);
            build(distribution, buildLog);
            Directories.deleteRecursively(distribution.resolve("data"));
            Path imports = Files.createDirectories(distribution.resolve("data/import"));
            Files.writeString(imports.resolve(realmName + "-realm.json"), realmJson);
            for (int i = 0; i < size; i++) {
                Path log = work.resolve("node-" + (i + 1) + ".log");
                Files.deleteIfExists(log);
                nodes.add(new ClusterNode("node-" + (i + 1), distribution, topology.httpPort() + 100 * i, topology.managementPort() + 100 * i,
                        topology.transportPort() + i, topology.publicUrl(), topology.serverOptions(), log));
            }
            cluster = new KeycloakCluster(distribution, database, List.copyOf(nodes), realmName,
                    Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser, "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword));
            // One after the other: the first creates the schema and imports the realm, the others join it.
            for (int i = 0; i < running; i++) {
                nodes.get(i).start(database, realmName, i == 0, cluster.bootstrapAdmin);
            }
            for (ClusterNode node : nodes.subList(0, running)) {
                node.awaitClusterSize(running, Duration.ofSeconds(60));
            }
            return cluster;
        } catch (IOException | RuntimeException e) {
            nodes.forEach(ClusterNode::close);
            if (database != null) {
                database.close();
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    /** {@code kc.sh build} for this topology: PostgreSQL, the clustered cache, health and metrics. */
    private static void build(Path distribution, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(distribution.resolve("bin/kc.sh").toString(), "build", "--db=postgres", "--cache=ispn",
                "--health-enabled=true", "--metrics-enabled=true")
                .directory(distribution.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building Keycloak", e);
        }
    }

    public List<ClusterNode> nodes() {
        return nodes;
    }

    public ClusterNode node(int index) {
        return nodes.get(index);
    }

    public PrivatePostgres database() {
        return database;
    }

    public String realmName() {
        return realmName;
    }

    /** Starts a stopped, killed or not yet started node on the database (no import); returns once it has joined every running node. */
    public void startAgain(ClusterNode node) {
        node.start(database, realmName, false, bootstrapAdmin);
        int running = (int) nodes.stream().filter(ClusterNode::running).count();
        for (ClusterNode member : nodes) {
            if (member.running()) {
                member.awaitClusterSize(running, Duration.ofSeconds(90));
            }
        }
    }


    /** Stops every node, the last first, then the database. */
    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
        database.close();
    }

    @Override
    public String toString() {
        return "cluster of " + nodes + " on PostgreSQL 127.0.0.1:" + database.port() + " (" + home + ")";
    }
}

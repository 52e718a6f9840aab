package tw.ecpa.keycloak.bench;

import java.nio.file.Path;
import java.util.List;

import tw.ecpa.keycloak.dev.server.ClusterNode;
import tw.ecpa.keycloak.dev.server.KeycloakCluster;
import tw.ecpa.keycloak.dev.server.PrivatePostgres;

/**
 * The bench server of {@code benchmarks/run --db=postgres --nodes=N}: keycloak-dev's {@link KeycloakCluster}
 * (production mode, Infinispan with jdbc-ping, its own PostgreSQL made afresh for the run) on the bench
 * distribution. It starts with node 1 alone, so that the one-node figures are taken on the same database
 * and the same build, then {@link #grow()} starts the other nodes for the cluster's figures.
 *
 * <p>Node 1 listens where the single bench Keycloak does (8380, management 9300), node {@code i} 100 ports
 * further; cluster transport on 7380 + i, PostgreSQL on 55434: clear of the dev launcher's cluster
 * (8580/9500/7800/55432) and ClusterIT's (8780/9700/7900/55433). No public hostname
 * ({@code --hostname-strict=false}): each node names itself after the request, so every page, redirect and
 * token of a login carries the address of the node that served it, and a virtual user stays on its node.
 */
final class BenchCluster implements AutoCloseable {

    static final int TRANSPORT_PORT = Integer.getInteger("bench.transportPort", 7380);
    static final int DATABASE_PORT = Integer.getInteger("bench.clusterDatabasePort", 55434);

    private final KeycloakCluster cluster;

    private BenchCluster(KeycloakCluster cluster) {
        this.cluster = cluster;
    }

    /** The database and node 1 with {@code realmJson} imported; the other nodes of {@code nodes} wait for {@link #grow()}. */
    static BenchCluster start(Path home, Path work, int nodes, String realmName, String realmJson, String adminPassword,
                              String... serverOptions) {
        KeycloakCluster.Topology topology = new KeycloakCluster.Topology(nodes, BenchKeycloak.HTTP_PORT, BenchKeycloak.MANAGEMENT_PORT,
                TRANSPORT_PORT, DATABASE_PORT, null, BenchKeycloak.PERSONNEL_LIMITS).withServerOptions(serverOptions);
        return new BenchCluster(KeycloakCluster.start(home, work, topology, 1, realmName, realmJson, "admin", adminPassword));
    }

    /** Starts every node not running yet; returns once all of them see each other. */
    void grow() {
        for (ClusterNode node : cluster.nodes()) {
            if (!node.running()) {
                cluster.startAgain(node);
            }
        }
    }

    /** The base URLs of the nodes that run, node 1 first. */
    List<String> runningNodes() {
        return cluster.nodes().stream().filter(ClusterNode::running).map(node -> node.baseUrl().toString()).toList();
    }

    /** The cluster's PostgreSQL (the personnel table of {@code --personnel-db} lives there too, in a schema of its own). */
    PrivatePostgres database() {
        return cluster.database();
    }

    /** The pid of node 1's JVM (the kc.sh script's java child), for jcmd and ps. */
    long firstNodePid() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("kc.home.dir")).orElse(false))
                .map(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Keycloak JVM among this JVM's child processes"));
    }

    int size() {
        return cluster.nodes().size();
    }

    String describe() {
        return cluster.toString();
    }

    /** Every node, then PostgreSQL. */
    @Override
    public void close() {
        cluster.close();
    }
}

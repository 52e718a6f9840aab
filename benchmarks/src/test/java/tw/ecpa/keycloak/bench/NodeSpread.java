package tw.ecpa.keycloak.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Which Keycloak node a virtual user talks to: the {@code i}-th user of a flow (from 1, in the order they
 * start) on node {@code (i - 1) mod n}, for all its logins, every request of each. The users of every flow
 * are thus spread evenly over the nodes (counted per flow, not by Gatling's user ids, which a simulation of
 * several flows hands out across all of them in no fixed order).
 *
 * <p>Sticky, not one request here and the next there: that is how Keycloak asks to be balanced (its
 * reverse-proxy guide recommends session affinity, so an authentication session is served where it lives),
 * and with {@code --hostname-strict=false} each node names itself after the request, so a login's form
 * actions, redirects and token issuer all carry the serving node's address anyway. The non-sticky case,
 * each step on the other node, is what ClusterIT checks works; here the figures are of the recommended setup.
 */
final class NodeSpread {

    private final List<String> nodes;

    NodeSpread(List<String> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no node to send the users to");
        }
        this.nodes = List.copyOf(nodes);
    }

    /** The nodes bench.properties lists ({@code nodes}, comma-separated), or the single server's address. */
    static NodeSpread of(String listed, String singleServer) {
        return new NodeSpread(listed == null || listed.isBlank() ? List.of(singleServer)
                : Arrays.stream(listed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** The base URL of the node of a flow's {@code user}-th user. */
    String nodeOf(long user) {
        if (user < 1) {
            throw new IllegalArgumentException("a flow's users count from 1, not " + user);
        }
        return nodes.get((int) ((user - 1) % nodes.size()));
    }

    int size() {
        return nodes.size();
    }

    List<String> nodes() {
        return nodes;
    }
}

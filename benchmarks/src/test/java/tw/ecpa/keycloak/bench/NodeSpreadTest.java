package tw.ecpa.keycloak.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The users of a flow go to the cluster's nodes in turn, each user always to the same node. */
class NodeSpreadTest {

    private static final String NODE_1 = "http://127.0.0.1:8380";
    private static final String NODE_2 = "http://127.0.0.1:8480";

    @Test
    void fourUsersOnTwoNodesAreTwoOnEach() {
        NodeSpread spread = NodeSpread.of(NODE_1 + "," + NODE_2, NODE_1);
        List<String> nodes = new ArrayList<>();
        LongStream.rangeClosed(1, 4).forEach(user -> nodes.add(spread.nodeOf(user)));
        assertThat(nodes).containsExactly(NODE_1, NODE_2, NODE_1, NODE_2);
        assertThat(spread.nodeOf(3)).isEqualTo(spread.nodeOf(3));
    }

    @Test
    void aSingleServerOrAClusterOfOneTakesEveryUser() {
        assertThat(NodeSpread.of(null, NODE_1).nodeOf(7)).isEqualTo(NODE_1);
        assertThat(NodeSpread.of("", NODE_1).nodes()).containsExactly(NODE_1);
        assertThat(NodeSpread.of(NODE_2, NODE_1).nodeOf(1)).isEqualTo(NODE_2);
    }

    @Test
    void theListMayHaveSpacesAndATrailingComma() {
        assertThat(NodeSpread.of(" " + NODE_1 + " , " + NODE_2 + ",", NODE_1).nodes()).containsExactly(NODE_1, NODE_2);
    }

    @Test
    void aFlowsUsersCountFromOne() {
        assertThatThrownBy(() -> NodeSpread.of(NODE_1, NODE_1).nodeOf(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

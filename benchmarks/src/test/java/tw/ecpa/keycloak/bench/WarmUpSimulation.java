package tw.ecpa.keycloak.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;

import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Not reported: every flow once with one user per node serving for {@code bench.warmUpSeconds} (15) each,
 * at the same time, so that the JIT, Keycloak's caches and the connection pools of every node are warm
 * before the first measured flow and the baseline is not the one that pays for it.
 */
public class WarmUpSimulation extends Simulation {
    {
        BenchRun run = BenchRun.CURRENT;
        int seconds = Integer.getInteger("bench.warmUpSeconds", 15);
        int users = run.nodes.size();
        List<PopulationBuilder> flows = new ArrayList<>(List.of(Scenarios.stock(run, seconds).injectOpen(atOnceUsers(users)),
                Scenarios.account(run, seconds, true).injectOpen(atOnceUsers(users)),
                Scenarios.certificate(run, seconds).injectOpen(atOnceUsers(users)),
                Scenarios.reset(run, seconds).injectOpen(atOnceUsers(users))));
        // A kept (scale) database has its warm-up newcomers bound already: the scale run warms up without them.
        if (Boolean.parseBoolean(System.getProperty("bench.warmUpBinding", "true"))) {
            flows.add(Scenarios.binding(run, seconds, true).injectOpen(atOnceUsers(users)));
        }
        setUp(flows).protocols(Flows.protocol(run));
    }
}

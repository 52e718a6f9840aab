package tw.ecpa.keycloak.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;

import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Not reported: every flow once with two users for {@code bench.warmUpSeconds} (15) each, at the same time,
 * so that the JIT, Keycloak's caches and the connection pools are warm before the first measured flow and
 * the baseline is not the one that pays for it.
 */
public class WarmUpSimulation extends Simulation {
    {
        BenchRun run = BenchRun.CURRENT;
        int seconds = Integer.getInteger("bench.warmUpSeconds", 15);
        List<PopulationBuilder> flows = new ArrayList<>(List.of(Scenarios.stock(run, seconds).injectOpen(atOnceUsers(1)),
                Scenarios.account(run, seconds, true).injectOpen(atOnceUsers(1)),
                Scenarios.certificate(run, seconds).injectOpen(atOnceUsers(1)),
                Scenarios.reset(run, seconds).injectOpen(atOnceUsers(1))));
        // A kept (scale) database has its warm-up newcomers bound already: the scale run warms up without them.
        if (Boolean.parseBoolean(System.getProperty("bench.warmUpBinding", "true"))) {
            flows.add(Scenarios.binding(run, seconds, true).injectOpen(atOnceUsers(1)));
        }
        setUp(flows).protocols(Flows.protocol(run));
    }
}

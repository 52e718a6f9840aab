package tw.ecpa.keycloak.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;

import io.gatling.javaapi.core.Simulation;

/** 1. The baseline: Keycloak's stock username + password login on the same server, same run. */
public class StockPasswordSimulation extends Simulation {
    private final BenchRun run = BenchRun.CURRENT;

    {
        setUp(Scenarios.stock(run, run.seconds).injectOpen(atOnceUsers(run.users))).protocols(Flows.protocol(run));
    }

    @Override
    public void after() {
        Scenarios.writeResults(getClass().getSimpleName(), Scenarios.STOCK, run.users);
    }
}

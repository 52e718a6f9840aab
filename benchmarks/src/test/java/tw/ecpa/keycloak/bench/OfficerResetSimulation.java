package tw.ecpa.keycloak.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;

import io.gatling.javaapi.core.Simulation;

/** 5. The officer reset API: search, reset, confirm. */
public class OfficerResetSimulation extends Simulation {
    private final BenchRun run = BenchRun.CURRENT;

    {
        setUp(Scenarios.reset(run, run.seconds).injectOpen(atOnceUsers(run.users))).protocols(Flows.protocol(run));
    }

    @Override
    public void after() {
        Scenarios.writeResults(getClass().getSimpleName(), Scenarios.RESET, run.users);
    }
}

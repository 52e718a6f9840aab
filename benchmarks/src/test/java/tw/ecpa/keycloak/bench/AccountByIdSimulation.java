package tw.ecpa.keycloak.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;

import io.gatling.javaapi.core.Simulation;

/** 2a. ECPA account login with the national ID. */
public class AccountByIdSimulation extends Simulation {
    private final BenchRun run = BenchRun.CURRENT;

    {
        setUp(Scenarios.account(run, run.seconds, true).injectOpen(atOnceUsers(run.users))).protocols(Flows.protocol(run));
    }

    @Override
    public void after() {
        Scenarios.writeResults(getClass().getSimpleName(), Scenarios.ACCOUNT_BY_ID, run.users);
    }
}

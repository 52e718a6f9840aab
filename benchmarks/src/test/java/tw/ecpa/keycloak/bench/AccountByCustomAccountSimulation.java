package tw.ecpa.keycloak.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;

import io.gatling.javaapi.core.Simulation;

/** 2b. ECPA account login with the custom account. */
public class AccountByCustomAccountSimulation extends Simulation {
    private final BenchRun run = BenchRun.CURRENT;

    {
        setUp(Scenarios.account(run, run.seconds, false).injectOpen(atOnceUsers(run.users))).protocols(Flows.protocol(run));
    }

    @Override
    public void after() {
        Scenarios.writeResults(getClass().getSimpleName(), Scenarios.ACCOUNT_BY_ACCOUNT, run.users);
    }
}

package tw.ecpa.keycloak.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;

import io.gatling.javaapi.core.Simulation;

/** 4. First certificate login: binding to the personnel record, then the setup step. */
public class CertificateBindingSimulation extends Simulation {
    private final BenchRun run = BenchRun.CURRENT;

    {
        setUp(Scenarios.binding(run, run.seconds, false).injectOpen(atOnceUsers(run.users))).protocols(Flows.protocol(run));
    }

    @Override
    public void after() {
        Scenarios.writeResults(getClass().getSimpleName(), Scenarios.BINDING, run.users);
    }
}

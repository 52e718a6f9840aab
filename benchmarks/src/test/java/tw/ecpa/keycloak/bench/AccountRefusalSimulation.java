package tw.ecpa.keycloak.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;

import java.util.List;
import java.util.stream.IntStream;

import io.gatling.javaapi.core.Simulation;

import tw.ecpa.keycloak.dev.demo.DemoPersonnel.Person;

/**
 * 帳號登入 refused, four ways at the same time (one virtual user each, so that the machine's noise falls on
 * all four alike): a national ID nobody holds, one on record without a password yet (a newcomer, as most
 * personnel are after the import), a wrong password, an empty password. Only the box's POST is timed. If
 * 帳號登入 costs the same whoever is typed, the four medians agree (issue 14, item 6: within 10 %).
 *
 * <p>Not in the default run: {@code benchmarks/run --only AccountRefusalSimulation}. It runs for
 * {@code bench.refusalSeconds} (20): at the rate this machine reaches, that keeps every bench person under
 * the realm's five failures, so no case turns into a lockout half way.
 */
public class AccountRefusalSimulation extends Simulation {

    /** Not a bench group's letter: nobody on record holds these. */
    private static final char UNKNOWN = 'U';

    private final BenchRun run = BenchRun.CURRENT;
    private final int seconds = Integer.getInteger("bench.refusalSeconds", 20);

    {
        List<String> unknown = IntStream.range(0, 1000).mapToObj(i -> BenchPeople.nationalId(UNKNOWN, i)).toList();
        List<String> withoutPassword = ids(run.newcomers(false, Scenarios.WARM_UP_NEWCOMERS));
        setUp(Scenarios.refusedAccountLogin(run, seconds, Scenarios.REFUSED_UNKNOWN, unknown, BenchPeople.PASSWORD).injectOpen(atOnceUsers(1)),
                Scenarios.refusedAccountLogin(run, seconds, Scenarios.REFUSED_NO_PASSWORD, withoutPassword, BenchPeople.PASSWORD).injectOpen(atOnceUsers(1)),
                Scenarios.refusedAccountLogin(run, seconds, Scenarios.REFUSED_WRONG_PASSWORD, ids(run.people.stockUsers()), Scenarios.WRONG_PASSWORD)
                        .injectOpen(atOnceUsers(1)),
                Scenarios.refusedAccountLogin(run, seconds, Scenarios.REFUSED_EMPTY_PASSWORD, ids(run.people.pool()), "").injectOpen(atOnceUsers(1)))
                .protocols(Flows.protocol(run));
    }

    @Override
    public void after() {
        String simulation = getClass().getSimpleName();
        List<String> flows = List.of(Scenarios.REFUSED_UNKNOWN, Scenarios.REFUSED_NO_PASSWORD, Scenarios.REFUSED_WRONG_PASSWORD,
                Scenarios.REFUSED_EMPTY_PASSWORD);
        for (int i = 0; i < flows.size(); i++) {
            Scenarios.writeResults(simulation + "." + (i + 1), flows.get(i), 1);
        }
    }

    private static List<String> ids(List<Person> people) {
        return people.stream().map(Person::nationalId).toList();
    }
}

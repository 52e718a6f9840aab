package tw.ecpa.keycloak.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;

import tw.ecpa.keycloak.dev.demo.DemoPersonnel.Person;

/**
 * The measured flows, and the refused 帳號登入 of the enumeration check. Each virtual user loops for the
 * simulation's duration; each iteration is one whole login (or one reset, or one refusal) in a Gatling group, whose count and duration give the table's figures. A
 * failed step ends that iteration (counted as an error) and the user starts the next one.
 */
final class Scenarios {

    /** Group names: the report reads them. */
    static final String STOCK = "stock password login";
    static final String ACCOUNT_BY_ID = "ECPA account login (national ID)";
    static final String ACCOUNT_BY_ACCOUNT = "ECPA account login (custom account)";
    static final String CERTIFICATE = "ECPA certificate login";
    static final String BINDING = "ECPA first certificate binding + setup";
    static final String RESET = "officer reset (search + reset + confirm)";
    /** BenchReport takes the row of this name as the floor. */
    static final String FLOOR = BenchReport.FLOOR;
    static final String REFUSED_UNKNOWN = "帳號登入 refused: unknown national ID";
    static final String REFUSED_NO_PASSWORD = "帳號登入 refused: on record, no password yet";
    static final String REFUSED_WRONG_PASSWORD = "帳號登入 refused: wrong password";
    static final String REFUSED_EMPTY_PASSWORD = "帳號登入 refused: empty password";
    /** A password nobody has: the wrong-password case. */
    static final String WRONG_PASSWORD = "Wrong-Pass-2026";

    static final String STOCK_CLIENT = "bench-stock";
    static final String ECPA_CLIENT = "bench-ecpa";
    /** The personnel console's client of the realm template: the only client whose tokens the personnel API takes. */
    static final String CONSOLE_CLIENT = "ecpa-personnel-console";
    static final int WARM_UP_NEWCOMERS = 40;

    private Scenarios() {
    }

    /** Loops {@code iteration} in a group for {@code seconds}, each time with a fresh browser, all on the user's node. */
    static ScenarioBuilder looping(BenchRun run, String name, int seconds, Iterator<Map<String, Object>> feeder, ChainBuilder iteration) {
        return scenario(name).exec(Flows.onNode(run)).during(Duration.ofSeconds(seconds)).on(measured(name, feeder, exec(flushCookieJar()).exec(iteration)));
    }

    /**
     * One measured iteration: the next record of the feeder, then the flow in a Gatling group; a failed
     * step ends the iteration, which {@link LoginRecorder} counts as an error. The duration runs from
     * {@code started}, which an iteration may set again to leave its first requests out.
     */
    static ChainBuilder measured(String name, Iterator<Map<String, Object>> feeder, ChainBuilder iteration) {
        LoginRecorder recorder = LoginRecorder.of(name);
        return exec(session -> session.markAsSucceeded())
                .feed(feeder)
                .exitHereIf(session -> session.contains("exhausted"))
                .exec(session -> session.set("started", System.nanoTime()))
                .exitBlockOnFail().on(group(name).on(iteration))
                .exec(session -> {
                    recorder.record(session.getLong("started"), System.nanoTime(), !session.isFailed());
                    if (session.isFailed()) {
                        recorder.keepFailurePage(name, session.getString("page"));
                    }
                    return session.markAsSucceeded();
                });
    }

    /** After a simulation: its flows' figures to target/bench/results. */
    static void writeResults(String simulation, String flow, int users) {
        LoginRecorder.of(flow).write(simulation, flow, users);
    }

    /** Keycloak's stock browser flow (username + password form), through the client bound to it. */
    static ScenarioBuilder stock(BenchRun run, int seconds) {
        Iterator<Map<String, Object>> feeder = Flows.circular(run.people.stockUsers(),
                p -> Map.of("username", p.account(), "password", BenchPeople.PASSWORD));
        return looping(run, STOCK, seconds, feeder, Flows.authorize(run, STOCK_CLIENT)
                .exec(Flows.submit("login form", "kc-form-login",
                        s -> Map.of("username", s.getString("username"), "password", s.getString("password"), "credentialId", "")))
                .exec(Flows.tokenExchange(run, STOCK_CLIENT)));
    }

    /** The ECPA home page's 帳號登入 box with the national ID or the custom account. */
    static ScenarioBuilder account(BenchRun run, int seconds, boolean byNationalId) {
        Iterator<Map<String, Object>> feeder = Flows.circular(run.people.pool(),
                p -> Map.of("username", byNationalId ? p.nationalId() : p.account(), "password", BenchPeople.PASSWORD));
        return looping(run, byNationalId ? ACCOUNT_BY_ID : ACCOUNT_BY_ACCOUNT, seconds, feeder, Flows.authorize(run, ECPA_CLIENT)
                .exec(Flows.submit("account login", "kc-form-login", s -> Map.of("ecpa.method", "password",
                        "username", s.getString("username"), "password", s.getString("password"))))
                .exec(Flows.tokenExchange(run, ECPA_CLIENT)));
    }

    /**
     * One refused 帳號登入 per iteration: the home page (not timed), then the box's POST alone, timed, which
     * must come back as the home page with the error under the account field. {@code people} give the
     * typed account (a national ID) and password; each is used in turn, so that nobody collects the
     * realm's five failures (or two within a second) that would lock them during the run.
     */
    static ScenarioBuilder refusedAccountLogin(BenchRun run, int seconds, String name, List<String> nationalIds, String password) {
        Iterator<Map<String, Object>> feeder = Flows.circular(nationalIds, id -> Map.of("username", id, "password", password));
        return looping(run, name, seconds, feeder, Flows.authorize(run, ECPA_CLIENT)
                .exec(session -> session.set("started", System.nanoTime()))
                .exec(Flows.submit("refused account login", "kc-form-login", s -> Map.of("ecpa.method", "password",
                        "username", s.getString("username"), "password", s.getString("password"))))
                .exec(session -> isRefusal(session) ? session : session.markAsFailed()));
    }

    private static boolean isRefusal(Session session) {
        String page = session.getString("page");
        return !session.contains("location") && page != null && page.contains("id=\"kc-form-login\"")
                && page.contains("id=\"input-error-username\"");
    }

    /** The 憑證登入 box with a bound card: the load generator signs the page's nonce as the card would. */
    static ScenarioBuilder certificate(BenchRun run, int seconds) {
        run.people.pool().forEach(p -> run.signerOf(p.nationalId())); // keys read before the clock starts
        Iterator<Map<String, Object>> feeder = Flows.circular(run.people.pool(), p -> Map.of("nationalId", p.nationalId()));
        return looping(run, CERTIFICATE, seconds, feeder, Flows.authorize(run, ECPA_CLIENT)
                .exec(signNonce(run))
                .exec(Flows.submit("certificate login", "ecpa-certificate-form",
                        s -> Map.of("ecpa.method", "certificate", "ecpa.cardAnswer", s.getString("cardAnswer"))))
                .exec(Flows.tokenExchange(run, ECPA_CLIENT)));
    }

    /**
     * A newcomer's first certificate login: card answer, binding page (national ID), personal-data step
     * (custom account, e-mail, phone, e-gov messages), the password page and 操作成功, then the application. Each newcomer once; the users
     * stop when the newcomers run out.
     */
    static ScenarioBuilder binding(BenchRun run, int seconds, boolean warmUp) {
        List<Person> newcomers = run.newcomers(warmUp, WARM_UP_NEWCOMERS);
        newcomers.forEach(p -> run.signerOf(p.nationalId())); // keys read before the clock starts
        AtomicInteger next = new AtomicInteger();
        Iterator<Map<String, Object>> feeder = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                int i = next.getAndIncrement();
                if (i >= newcomers.size()) {
                    return Map.of("exhausted", true);
                }
                Person p = newcomers.get(i);
                String account = "bench.new" + (warmUp ? "w" : "") + BenchPeople.number(i) + Flows.random(3).toLowerCase().replaceAll("[^a-z]", "x");
                // Letters, digits and '-' under the guide's rules, never containing the account.
                String password = "Bn-" + Flows.random(6).replaceAll("[^A-Za-z0-9]", "x") + "-7a";
                return Map.of("nationalId", p.nationalId(), "account", account, "password", password);
            }
        };
        return looping(run, BINDING, seconds, feeder, Flows.authorize(run, ECPA_CLIENT)
                .exec(signNonce(run))
                .exec(Flows.submit("certificate login", "ecpa-certificate-form",
                        s -> Map.of("ecpa.method", "certificate", "ecpa.cardAnswer", s.getString("cardAnswer"))))
                .exec(Flows.submit("binding", "ecpa-binding-form", s -> Map.of("account", s.getString("nationalId"))))
                .exec(Flows.submit("personal data", "ecpa-personal-data-form", s -> Map.of(
                        "username", s.getString("account"),
                        "email", s.getString("account") + "@bench.ecpa.test",
                        "phoneNumber", "0912345678",
                        "egovMessages", "yes")))
                .exec(Flows.submit("password", "kc-passwd-update-form", s -> Map.of(
                        "password-new", s.getString("password"), "password-confirm", s.getString("password"))))
                .exec(Flows.submit("password saved", "ecpa-password-saved-form", s -> Map.of("continue", "")))
                .exec(Flows.tokenExchange(run, ECPA_CLIENT)));
    }

    /**
     * The bench officers ({@link BenchPeople#officers}: a chief and three officers with his reset grant, one
     * per agency) reset people of their own agency through the personnel API: search by national ID, ask for
     * the reset with the e-mail, confirm (password generated and hashed, letter sent to the bench mail
     * catcher). Virtual user {@code i} is officer {@code i} (mod 4), so 4 users are 4 officers at once. Each
     * takes the officer's token once, as the personnel console takes it: 帳號登入 through the console's own
     * client (code flow with PKCE); the API accepts no other client's token, and the realm refuses password grants.
     */
    static ScenarioBuilder reset(BenchRun run, int seconds) {
        String api = "#{node}/admin" + run.realmPath() + "/ecpa-personnel";
        List<Person> officers = run.people.officers();
        List<Iterator<Map<String, Object>>> targets = officers.stream().map(officer -> Flows.circular(run.people.resetTargetsOf(officer),
                p -> Map.<String, Object>of("nationalId", p.nationalId(), "email", p.email()))).toList();
        // on the user's node, as the token: it names the node that issued it (no public hostname)
        Function<Session, String> console = session -> session.getString("node") + run.realmPath() + "/ecpa-personnel/console";
        ChainBuilder officerToken = exec(Flows.authorize(run, CONSOLE_CLIENT, console))
                .exec(Flows.submit("officer login", "kc-form-login", s -> Map.of("ecpa.method", "password",
                        "username", officers.get(s.getInt("officer")).account(), "password", BenchPeople.PASSWORD)))
                .exec(Flows.tokenExchange(run, CONSOLE_CLIENT, "officerToken"));
        ChainBuilder iteration = exec(session -> session.setAll(targets.get(session.getInt("officer")).next()))
                .exec(http("search").post(api + "/search")
                .header("Authorization", "Bearer #{officerToken}").header("Content-Type", "application/json")
                .body(StringBody("{\"nationalId\":\"#{nationalId}\"}"))
                .check(status().is(200)))
                .exec(http("reset").post(api + "/resets")
                        .header("Authorization", "Bearer #{officerToken}").header("Content-Type", "application/json")
                        .body(StringBody("{\"nationalId\":\"#{nationalId}\",\"email\":\"#{email}\"}"))
                        .check(status().is(201), jsonPath("$.confirmationId").saveAs("confirmationId")))
                .exec(http("confirm").post(api + "/resets/#{confirmationId}/confirm")
                        .header("Authorization", "Bearer #{officerToken}")
                        .check(status().is(200), jsonPath("$.status").is("sent")));
        // Keycloak 26 refuses simultaneous logins of one user while brute-force protection is on (RESULTS.md,
        // "Noticed") and holds him temporarily disabled, which the personnel API then refuses too (403, a caller
        // not in good standing). With more users than officers two share one: the users take their tokens one
        // after the other (before the timed loop), so that no officer ever logs in twice at once.
        AtomicInteger arrived = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ChainBuilder inTurn = exec(session -> {
            int turn = arrived.getAndIncrement();
            return session.set("officerTurn", turn).set("officer", turn % officers.size());
        })
                .asLongAs(session -> done.get() < session.getInt("officerTurn")).on(pause(Duration.ofMillis(100)))
                .exec(officerToken)
                .exec(session -> {
                    done.incrementAndGet(); // also after a failed login, so that the next user is not kept waiting
                    return session;
                });
        Iterator<Map<String, Object>> noRecord = Flows.circular(List.of(RESET), flow -> Map.of("flow", flow));
        return scenario(RESET).exec(Flows.onNode(run)).exec(inTurn).exitHereIfFailed().during(Duration.ofSeconds(seconds)).on(
                measured(RESET, noRecord, iteration));
    }

    /**
     * The floor: Keycloak's cost of any login, without a credential check. Each virtual user logs in once
     * (帳號登入 by custom account, a pool person of its own, not timed) through the ECPA client; then each
     * iteration is the code flow again on that SSO session: the authorization endpoint (the ECPA flow's
     * cookie step answers it with the code at once), the token exchange. Same server, realm and client as
     * the ECPA flows; no new browser per iteration, but new PKCE verifier, state and nonce.
     */
    static ScenarioBuilder floor(BenchRun run, int seconds) {
        List<Person> pool = run.people.pool();
        AtomicInteger users = new AtomicInteger();
        ChainBuilder signIn = exec(flushCookieJar())
                .exec(session -> session.set("username", pool.get(users.getAndIncrement() % pool.size()).account()))
                .exec(Flows.authorize(run, ECPA_CLIENT))
                .exec(Flows.submit("account login", "kc-form-login", s -> Map.of("ecpa.method", "password",
                        "username", s.getString("username"), "password", BenchPeople.PASSWORD)))
                .exec(Flows.tokenExchange(run, ECPA_CLIENT));
        ChainBuilder iteration = Flows.authorize(run, ECPA_CLIENT).exec(Flows.tokenExchange(run, ECPA_CLIENT));
        Iterator<Map<String, Object>> noRecord = Flows.circular(List.of(FLOOR), flow -> Map.of("flow", flow));
        return scenario(FLOOR).exec(Flows.onNode(run)).exec(signIn).exitHereIfFailed().during(Duration.ofSeconds(seconds)).on(
                measured(FLOOR, noRecord, iteration));
    }

    private static ChainBuilder signNonce(BenchRun run) {
        return exec(session -> {
            String nonce = Flows.nonce(session.getString("page"));
            if (nonce == null) {
                return session.markAsFailed();
            }
            return session.set("cardAnswer", run.signerOf(session.getString("nationalId")).answer(nonce));
        });
    }
}

package tw.ecpa.keycloak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.dev.demo.DemoPersonnel;
import tw.ecpa.keycloak.dev.pki.DemoCards;
import tw.ecpa.keycloak.dev.pki.TestPki;

/**
 * What the bench server of this run wrote ({@code target/bench/bench.properties}) and the load settings
 * (system properties): {@code bench.users} concurrent users (4), {@code bench.seconds} per simulation (45);
 * for a run in passes (one node, then the cluster: {@code benchmarks/run --nodes=N}) {@code bench.pass} of
 * {@code bench.passes}.
 */
final class BenchRun {

    static final BenchRun CURRENT = new BenchRun();

    final Properties server = new Properties();
    final int users = Integer.getInteger("bench.users", 4);
    final int seconds = Integer.getInteger("bench.seconds", 45);
    final BenchPeople people = BenchPeople.fromSystemProperties();
    final int pass = Integer.getInteger("bench.pass", 1);
    final int passes = Integer.getInteger("bench.passes", 1);
    /** The nodes serving now, as the bench server listed them; the users are spread over these. */
    final NodeSpread nodes;
    private final Map<String, CardSigner> signers = new ConcurrentHashMap<>();
    private volatile TestPki pki;

    private BenchRun() {
        Path file = Path.of(System.getProperty("bench.properties", "benchmarks/target/bench/bench.properties"));
        try (var in = Files.newBufferedReader(file)) {
            server.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no bench server state at " + file + ": start it with benchmarks/run", e);
        }
        nodes = NodeSpread.of(server.getProperty("nodes"), baseUrl());
    }

    String baseUrl() {
        return server.getProperty("baseUrl");
    }

    String realmPath() {
        return "/realms/" + server.getProperty("realm");
    }

    String redirectUri() {
        return server.getProperty("redirectUri");
    }

    int records() {
        return Integer.parseInt(server.getProperty("records"));
    }

    /** The signer of a person's own card, its key read from the kept PKI once. */
    CardSigner signerOf(String nationalId) {
        return signers.computeIfAbsent(nationalId, id -> {
            TestPki p = pki();
            String cardId = p.catalogue().ownCardOf(NationalId.of(id)).orElseThrow(() -> new IllegalStateException("no card for a bench person")).id();
            return new CardSigner(p.card(cardId));
        });
    }

    private TestPki pki() {
        if (pki == null) {
            synchronized (this) {
                if (pki == null) {
                    pki = BenchCardWorld.loadPki(Path.of(server.getProperty("pki")), DemoCards.from(people.withDemo(DemoPersonnel.load())));
                }
            }
        }
        return pki;
    }

    /**
     * Newcomers the measured binding simulation may use, this pass's share of them; the warm-up takes the
     * last {@code reserve} (the warm-up of a later pass leaves the binding out: those are bound by then).
     */
    List<DemoPersonnel.Person> newcomers(boolean warmUp, int reserve) {
        List<DemoPersonnel.Person> all = people.newcomers();
        return warmUp ? all.subList(all.size() - reserve, all.size())
                : BenchPeople.share(all.subList(0, all.size() - reserve), pass, passes);
    }
}

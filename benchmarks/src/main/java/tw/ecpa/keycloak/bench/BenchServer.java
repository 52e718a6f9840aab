package tw.ecpa.keycloak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tw.ecpa.keycloak.dev.demo.DemoPersonnel;
import tw.ecpa.keycloak.dev.mail.MailCatcher;
import tw.ecpa.keycloak.dev.pki.DemoCards;
import tw.ecpa.keycloak.dev.pki.TestPki;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;
import tw.ecpa.keycloak.dev.realm.RealmAdminApi;

/**
 * The server side of benchmarks/run: the bench card world, a mail catcher as the realm's SMTP server (mail
 * goes nowhere), and Keycloak with the bundle on 127.0.0.1:8380, set up for the simulations; then it writes
 * {@code target/bench/bench.properties} and waits until killed (the script stops it).
 *
 * <ul>
 *   <li>{@code records N} (default 1000): a fresh H2 database under the bench data directory, the realm
 *       file imported at start ({@code --import-realm});</li>
 *   <li>{@code load N}: writes the realm + users files and runs {@code kc.sh import --dir} into
 *       {@code <data>/records-N/}, timing it; exits;</li>
 *   <li>{@code serve N}: starts on the database {@code load N} made, without import.</li>
 * </ul>
 *
 * <p>With {@code -Dbench.nodes=N} (N > 1, {@code records} on {@code -Dbench.db=postgres} only) it runs a
 * {@link BenchCluster} instead: node 1 alone first, then, when the script asks, the other nodes
 * ({@link #serveGrowing}).
 */
public final class BenchServer {

    static final int SMTP_PORT = Integer.getInteger("bench.smtpPort", 2625);
    static final int MAIL_WEB_PORT = Integer.getInteger("bench.mailWebPort", 8325);
    static final String REDIRECT_URI = "http://127.0.0.1:9/callback";

    /** Held so the level stays set (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("tw.ecpa.keycloak.dev");

    private BenchServer() {
    }

    public static void main(String[] args) {
        try {
            serve(args);
        } catch (Exception | Error e) {
            // The card world's and the mail catcher's threads would keep the JVM, and benchmarks/run waiting for "ready", alive.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void serve(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "records";
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path module = Path.of(System.getProperty("bench.module", "benchmarks")).toAbsolutePath();
        Path data = Path.of(System.getProperty("bench.data", module.resolve("target/bench-data").toString())).toAbsolutePath();
        Path run = Files.createDirectories(module.resolve("target/bench"));
        // A second distribution for the kept database keeps its build (kc.sh re-augments on option changes) apart.
        Path home = Path.of(System.getProperty("bench.keycloakHome", module.resolve("target/keycloak").toString())).toAbsolutePath();
        Path bundle = home.resolve("providers/ecpa-keycloak-bundle.jar");
        Files.deleteIfExists(run.resolve("ready"));
        Files.deleteIfExists(run.resolve("grow"));
        Files.deleteIfExists(run.resolve("ready-all"));

        QUIET.setLevel(java.util.logging.Level.WARNING); // the card world logs every holder check and OCSP answer
        DemoPersonnel demo = DemoPersonnel.load();
        BenchPeople people = BenchPeople.fromSystemProperties();
        DemoCards catalogue = DemoCards.from(people.withDemo(demo));
        if ("load".equals(mode)) {
            load(home, data, records, demo, people, catalogue, run);
            return;
        }
        Instant pkiStart = Instant.now();
        System.out.println("Test PKI for " + catalogue.all().size() + " cards (made once, then kept in " + data.resolve("pki") + ") ...");
        BenchCardWorld cards = BenchCardWorld.start(data.resolve("pki"), catalogue);
        System.out.println("PKI ready in " + Duration.between(pkiStart, Instant.now()).toSeconds() + " s");
        MailCatcher mail = MailCatcher.start(SMTP_PORT, MAIL_WEB_PORT);
        Path database = data.resolve("records-" + records);
        BenchDatabase db = BenchDatabase.of(database, records);
        BenchKeycloak keycloak = new BenchKeycloak(home, db);
        int nodes = Integer.getInteger("bench.nodes", 1);
        // --personnel-db N: a cluster of one node on a PostgreSQL of its own, which also holds the personnel table (PersonnelScale).
        int personnelRows = Integer.getInteger("bench.personnelRows", 0);
        boolean clustered = nodes > 1 || personnelRows > 0;
        if (personnelRows > 0 && !("records".equals(mode) && db.isPostgres() && nodes == 1)) {
            throw new IllegalArgumentException("--personnel-db needs --db=postgres, one node and a fresh database (not --scale or --load)");
        }
        if (nodes > 1 && !("records".equals(mode) && db.isPostgres())) {
            throw new IllegalArgumentException("--nodes=" + nodes + " needs --db=postgres and a fresh database (not --scale): the cluster"
                    + " brings a PostgreSQL of its own, made afresh for the run");
        }
        AtomicReference<BenchCluster> cluster = new AtomicReference<>();
        Thread main = Thread.currentThread();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (clustered) {
                stopCluster(cluster, main);
            } else {
                keycloak.close();
            }
            mail.close();
            cards.close();
            stopped.countDown();
        }, "bench-shutdown"));

        BenchRealm realm = new BenchRealm(bundle, demo, people, records, SMTP_PORT, cards.pki(), cards.holderCheckUrl());
        Path log = run.resolve("keycloak-" + mode + "-" + records + ".log");
        Files.deleteIfExists(log);
        Properties state = new Properties();
        switch (mode) {
            case "records" -> {
                if (clustered) {
                    String adminPassword = newSecret();
                    Path realmFile = run.resolve("cluster-" + realm.realmName() + "-realm.json");
                    realm.writeRealmFile(realmFile);
                    String realmJson = Files.readString(realmFile);
                    Files.delete(realmFile);
                    Path work = module.resolve("target/bench-cluster");
                    System.out.println("Starting PostgreSQL on 127.0.0.1:" + BenchCluster.DATABASE_PORT + " and node 1 of " + nodes
                            + " with " + records + " personnel records (logs: " + work + ") ...");
                    // The admin request of a sync holds its own transaction open while the sync runs (each batch commits in
                    // one of its own): Keycloak's default transaction timeout, 5 minutes, would roll that request back.
                    cluster.set(personnelRows > 0
                            ? BenchCluster.start(home, work, nodes, realm.realmName(), realmJson, adminPassword, "--transaction-default-timeout=3h")
                            : BenchCluster.start(home, work, nodes, realm.realmName(), realmJson, adminPassword));
                    state.setProperty("officer.password", realm.demoPasswords().get("daming.wang"));
                    state.setProperty("admin.password", adminPassword);
                    break;
                }
                deleteTree(database);
                db.recreate();
                deleteTree(keycloak.importFolder());
                realm.writeRealmFile(keycloak.importFolder().resolve(realm.realmName() + "-realm.json"));
                String adminPassword = newSecret();
                System.out.println("Starting Keycloak with " + records + " personnel records (log: " + log + ") ...");
                keycloak.start(true, adminPassword, log, List.of());
                state.setProperty("officer.password", realm.demoPasswords().get("daming.wang"));
                state.setProperty("admin.password", adminPassword);
            }
            case "serve" -> {
                deleteTree(keycloak.importFolder());
                Properties saved = new Properties();
                try (var in = Files.newBufferedReader(database.resolve("dataset.properties"))) {
                    saved.load(in);
                }
                System.out.println("Starting Keycloak on the kept database of " + records + " records, " + db.describe() + " (log: " + log + ") ...");
                keycloak.start(false, saved.getProperty("admin.password"), log, List.of());
                state.putAll(saved);
            }
            default -> throw new IllegalArgumentException("mode is records, load or serve, not " + mode);
        }

        AdminClient admin = new AdminClient(BenchKeycloak.baseUrl(), state.getProperty("admin.password"));
        String realmName = realm.realmName();
        pointCertificateLoginAt(admin, realmName, cards);
        String stockFlow = flowId(admin, realmName, "browser");
        ensureClient(admin, realmName, "bench-stock", Map.of("browser", stockFlow));
        ensureClient(admin, realmName, "bench-ecpa", Map.of());
        Instant binding = Instant.now();
        int bound = bindPool(people, cards.pki(), realmName);
        System.out.println("Pool cards bound: " + bound + " new in " + Duration.between(binding, Instant.now()).toSeconds() + " s");

        state.setProperty("baseUrl", BenchKeycloak.baseUrl());
        state.setProperty("realm", realmName);
        state.setProperty("records", Integer.toString(records));
        state.setProperty("pki", data.resolve("pki").toString());
        state.setProperty("redirectUri", REDIRECT_URI);
        String adminPassword = state.getProperty("admin.password");
        state.remove("admin.password");
        if (personnelRows > 0) {
            serveScale(cluster.get(), run, state, stopped,
                    new PersonnelScale(cluster.get().database(), BenchKeycloak.baseUrl(), adminPassword, realmName, demo, personnelRows, run));
            return;
        }
        if (!clustered) {
            state.setProperty("keycloak.pid", Long.toString(keycloak.pid()));
            writeState(run, state);
            Files.writeString(run.resolve("ready"), "ready\n");
            System.out.println("Bench server ready: " + BenchKeycloak.baseUrl() + " (Keycloak pid " + keycloak.pid() + ")");
            stopped.await();
            return;
        }
        serveGrowing(cluster.get(), run, state, stopped);
    }

    /**
     * The cluster's two stages: node 1 alone (file {@code ready}), then, once the script asks for it (file
     * {@code grow}), every node (file {@code ready-all}). {@code nodes} in bench.properties lists the
     * nodes serving at each stage: the simulations spread their users over those.
     */
    private static void serveGrowing(BenchCluster cluster, Path run, Properties state, CountDownLatch stopped) throws Exception {
        state.setProperty("nodes", String.join(",", cluster.runningNodes()));
        writeState(run, state);
        Files.writeString(run.resolve("ready"), "ready\n");
        System.out.println("Bench server ready: node 1 of " + cluster.size() + " at " + BenchKeycloak.baseUrl() + "; the others start when asked");
        while (!Files.exists(run.resolve("grow"))) {
            if (stopped.await(1, TimeUnit.SECONDS)) {
                return;
            }
        }
        System.out.println("Starting the other nodes ...");
        Instant growing = Instant.now();
        cluster.grow();
        state.setProperty("nodes", String.join(",", cluster.runningNodes()));
        writeState(run, state);
        Files.writeString(run.resolve("ready-all"), "ready\n");
        System.out.println("Cluster ready in " + Duration.between(growing, Instant.now()).toSeconds() + " s: " + cluster.describe());
        stopped.await();
    }

    /**
     * {@code --personnel-db N}: the realm's 1,000 records first (file {@code ready}), then, once the script asks
     * (file {@code grow}), the personnel table of N rows and its syncs ({@link PersonnelScale}), and the same
     * server serves again (file {@code ready-all}) with N federated records more.
     */
    private static void serveScale(BenchCluster cluster, Path run, Properties state, CountDownLatch stopped, PersonnelScale scale)
            throws Exception {
        long pid = cluster.firstNodePid();
        state.setProperty("nodes", String.join(",", cluster.runningNodes()));
        state.setProperty("keycloak.pid", Long.toString(pid));
        writeState(run, state);
        Files.writeString(run.resolve("ready"), "ready\n");
        System.out.println("Bench server ready: " + BenchKeycloak.baseUrl() + " (Keycloak pid " + pid + "); the personnel table comes when asked");
        while (!Files.exists(run.resolve("grow"))) {
            if (stopped.await(1, TimeUnit.SECONDS)) {
                return;
            }
        }
        System.out.println("Personnel database at scale");
        scale.run(pid);
        Files.writeString(run.resolve("ready-all"), "ready\n");
        System.out.println("Bench server ready again, with the personnel database's records");
        stopped.await();
    }

    private static void writeState(Path run, Properties state) throws IOException {
        Path file = run.resolve("bench.properties");
        Path next = run.resolve("bench.properties.new");
        try (var out = Files.newBufferedWriter(next)) {
            state.store(out, "bench server of this run; the simulations read it");
        }
        // whole or not at all: a simulation starting now must not read half a file
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * On SIGTERM (the script's exit, Ctrl-C included): the nodes and PostgreSQL stop. While the cluster is
     * still starting there is nothing to close yet: interrupting the starting thread makes KeycloakCluster
     * stop what it has started.
     */
    private static void stopCluster(AtomicReference<BenchCluster> cluster, Thread main) {
        BenchCluster started = cluster.get();
        if (started != null) {
            started.close();
            return;
        }
        main.interrupt();
        try {
            main.join(TimeUnit.MINUTES.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cluster.get() != null) {
            cluster.get().close();
        }
    }

    /**
     * {@code kc.sh import --dir} of realm + users files into the kept database, timed; only the PKI is
     * needed (its trust anchor goes into the realm file), no service is started.
     */
    private static void load(Path home, Path data, int records, DemoPersonnel demo, BenchPeople people, DemoCards catalogue,
                             Path run) throws IOException {
        TestPki pki = BenchCardWorld.loadPki(data.resolve("pki"), catalogue);
        BenchRealm realm = new BenchRealm(home.resolve("providers/ecpa-keycloak-bundle.jar"), demo, people, records, SMTP_PORT, pki,
                "http://127.0.0.1:" + BenchCardWorld.HOLDER_CHECK_PORT + "/holder-check");
        Path database = data.resolve("records-" + records);
        BenchDatabase db = BenchDatabase.of(database, records);
        BenchKeycloak keycloak = new BenchKeycloak(home, db);
        Path log = run.resolve("keycloak-load-" + records + ".log");
        Files.deleteIfExists(log);
        deleteTree(database);
        db.recreate();
        deleteTree(keycloak.importFolder());
        Path dir = data.resolve("import-" + records);
        Instant written = Instant.now();
        // -Dbench.reuseFiles: load the files of an earlier attempt again (same people; the demo passwords are
        // the ones that realm file holds, read back below) instead of writing them anew.
        if (!Boolean.getBoolean("bench.reuseFiles") || !Files.exists(dir.resolve(realm.realmName() + "-realm.json"))) {
            deleteTree(dir);
            realm.writeImportDirectory(dir);
        }
        Duration writing = Duration.between(written, Instant.now());
        String officerPassword = officerPassword(dir.resolve("ecpa-realm.json"));
        String adminPassword = newSecret();
        System.out.println("Importing " + records + " records with kc.sh import --dir " + dir + " into the " + db.describe()
                + " (nice -n 10; log: " + log + ") ...");
        Duration took = keycloak.importDirectory(dir, log, adminPassword);
        Properties saved = new Properties();
        saved.setProperty("admin.password", adminPassword);
        saved.setProperty("officer.password", officerPassword);
        saved.setProperty("records", Integer.toString(records));
        saved.setProperty("method", "kc.sh import --dir");
        saved.setProperty("database", db.describe());
        saved.setProperty("files.seconds", Long.toString(writing.toSeconds()));
        saved.setProperty("import.seconds", Long.toString(took.toSeconds()));
        Files.createDirectories(database);
        try (var out = Files.newBufferedWriter(database.resolve("dataset.properties"))) {
            saved.store(out, "kc.sh import of " + records + " records");
        }
        System.out.printf("Loaded %d records: files written in %d s, kc.sh import took %d s (%.0f records/s)%n",
                records, writing.toSeconds(), took.toSeconds(), records / (double) Math.max(1, took.toSeconds()));
    }

    /** The personnel chief's password as the realm file sets it (generated when the files were written). */
    private static String officerPassword(Path realmFile) throws IOException {
        for (JsonNode user : new com.fasterxml.jackson.databind.ObjectMapper().readTree(realmFile.toFile()).path("users")) {
            if ("daming.wang".equals(user.path("username").asText())) {
                return user.path("credentials").get(0).path("value").asText();
            }
        }
        throw new IllegalStateException("no personnel chief in " + realmFile);
    }

    /** The realm's certificate settings follow this run's PKI and holder check, also on a kept database. */
    private static void pointCertificateLoginAt(AdminClient admin, String realm, BenchCardWorld cards) throws IOException {
        RealmAdminApi realmAdmin = new RealmAdminApi() {
            @Override
            public JsonNode get(String path) {
                return admin.get("/" + realm + path);
            }

            @Override
            public void put(String path, JsonNode body) {
                admin.put("/" + realm + path, body);
            }
        };
        CertificateConfiguration.settings()
                .with(CertificateConfiguration.TRUST_ANCHORS, cards.pki().trustAnchorPem())
                .with(CertificateConfiguration.ISSUING_CAS, Files.readString(cards.pki().issuingCasFile()))
                .writeThrough(realmAdmin);
        for (JsonNode execution : admin.get("/" + realm + "/authentication/flows/ecpa browser forms/executions")) {
            String configId = execution.path("authenticationConfig").asText(null);
            if (configId != null && "ecpa-certificate-binding".equals(execution.path("providerId").asText())) {
                ObjectNode config = (ObjectNode) admin.get("/" + realm + "/authentication/config/" + configId);
                ((ObjectNode) config.get("config")).put("ecpa.holder.http.url", cards.holderCheckUrl());
                admin.put("/" + realm + "/authentication/config/" + configId, config);
            }
        }
    }

    private static String flowId(AdminClient admin, String realm, String alias) {
        for (JsonNode flow : admin.get("/" + realm + "/authentication/flows")) {
            if (alias.equals(flow.path("alias").asText())) {
                return flow.path("id").asText();
            }
        }
        throw new IllegalStateException("realm " + realm + " has no flow '" + alias + "'");
    }

    /** A public client with PKCE; {@code flows} overrides the realm's browser flow (the stock baseline). */
    private static void ensureClient(AdminClient admin, String realm, String clientId, Map<String, String> flows) {
        if (admin.get("/" + realm + "/clients?clientId=" + clientId).size() > 0) {
            return;
        }
        ObjectNode client = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("clientId", clientId).put("publicClient", true).put("standardFlowEnabled", true)
                .put("directAccessGrantsEnabled", false);
        client.putArray("redirectUris").add(REDIRECT_URI);
        client.putObject("attributes").put("pkce.code.challenge.method", "S256");
        ObjectNode overrides = client.putObject("authenticationFlowBindingOverrides");
        flows.forEach(overrides::put);
        admin.post("/" + realm + "/clients", client);
    }

    /**
     * Binds each pool card to its person through the real first-certificate login (the pool already has a
     * custom account and e-mail, so no setup step follows). Already bound cards log straight in.
     */
    private static int bindPool(BenchPeople people, TestPki pki, String realm) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> results = new ArrayList<>();
        DemoCards catalogue = pki.catalogue();
        for (DemoPersonnel.Person person : people.pool()) {
            results.add(threads.submit(() -> {
                String cardId = catalogue.ownCardOf(tw.ecpa.keycloak.core.NationalId.of(person.nationalId())).orElseThrow().id();
                CardSigner signer = new CardSigner(pki.card(cardId));
                LoginBrowser browser = new LoginBrowser();
                browser.open(BenchKeycloak.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=bench-ecpa"
                        + "&redirect_uri=" + java.net.URLEncoder.encode(REDIRECT_URI, java.nio.charset.StandardCharsets.UTF_8)
                        + "&response_type=code&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                        + "&code_challenge_method=S256");
                browser.post(browser.formAction("ecpa-certificate-form"),
                        Map.of("ecpa.method", "certificate", "ecpa.cardAnswer", signer.answer(browser.nonce())));
                if (browser.applicationRedirect() != null) {
                    return false;
                }
                if (!browser.shows("ecpa-binding-form")) {
                    throw new IllegalStateException("binding " + person.account() + ": unexpected page\n" + browser.body());
                }
                browser.post(browser.formAction("ecpa-binding-form"), Map.of("account", person.account()));
                if (browser.applicationRedirect() == null) {
                    throw new IllegalStateException("binding " + person.account() + " did not finish:\n" + browser.body());
                }
                return true;
            }));
        }
        int bound = 0;
        for (Future<Boolean> result : results) {
            if (result.get()) {
                bound++;
            }
        }
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.MINUTES);
        return bound;
    }

    private static String newSecret() {
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

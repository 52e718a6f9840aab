package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import tw.ecpa.keycloak.core.NationalIdMask;
import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldConfig;
import tw.ecpa.keycloak.dev.demo.DemoPersonnel;
import tw.ecpa.keycloak.dev.demo.DevRealmImport;
import tw.ecpa.keycloak.dev.mail.MailCatcher;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;
import tw.ecpa.keycloak.dev.server.ClusterNode;
import tw.ecpa.keycloak.dev.server.KeycloakCluster;

/**
 * The ECPA flows on Keycloak as a ministry runs it: two nodes in production mode on one PostgreSQL,
 * clustered by Keycloak's own Infinispan with jdbc-ping discovery ({@link KeycloakCluster}). Every login
 * here is spread over both nodes on purpose, as a load balancer without sticky sessions would spread it:
 * the nonce issued on one node and the card's answer posted to the other, binding on one and the required
 * actions on the other. The providers keep no state in a JVM, so nothing may depend on which node answers.
 *
 * <p>Its own servers, started once for all its tests (the suite's framework server is one H2 node): the
 * distribution Maven unpacks under target/cluster-keycloak, PostgreSQL from Debian's package on 55433,
 * nodes on 8780 and 8880 (management 9700, 9800; cluster transport 7900, 7901), its own card world on free
 * ports and its own mail catcher on 3125. Both nodes name themselves by one public address, node-1's, as
 * behind a load balancer; the test client chooses the node of every request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final int FIRST_HTTP_PORT = 8780;
    private static final URI PUBLIC_URL = URI.create("http://127.0.0.1:" + FIRST_HTTP_PORT);
    private static final String CLIENT_ID = "cluster-it-app";
    /** Nothing listens there: the login client stops at the redirect to the application and keeps its code. */
    private static final String REDIRECT_URI = "http://127.0.0.1:9/callback";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RESETS_PER_HOUR = 3;

    private CardWorld world;
    private MailCatcher mail;
    private KeycloakCluster cluster;
    /** An admin client on each node: whichever serves asks what the database holds. */
    private final List<Keycloak> admins = new ArrayList<>();
    private DevRealmImport realmImport;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startTheClusterWithTheDemoWorld() throws IOException {
        Path home = Path.of(System.getProperty("ecpa.clusterKeycloak.home", "target/cluster-keycloak"));
        world = CardWorld.start(CardWorldConfig.builder().allowOrigin(PUBLIC_URL.toString()).build());
        mail = MailCatcher.start(3125, 8125);
        realmImport = DevRealmImport.fromBundle(home.resolve("providers/ecpa-keycloak-bundle.jar"))
                .withDemoPersonnel(DemoPersonnel.load())
                .withSmtp(mail.smtpPort())
                // OCSP only, with answers kept: a kept answer must serve the other node too
                .withCardWorld(CertificateConfiguration.trusting(world.pki(), world.readerUrl().toString())
                                .with(CertificateConfiguration.REVOCATION_MODE, "OCSP")
                                .with(CertificateConfiguration.OCSP_CACHE_SECONDS, "600"),
                        world.holderCheckUrl().toString());
        String adminPassword = UUID.randomUUID().toString();
        cluster = KeycloakCluster.start(home, home.resolveSibling("cluster"),
                new KeycloakCluster.Topology(2, FIRST_HTTP_PORT, 9700, 7900, 55433, PUBLIC_URL, List.of(
                        // a limit small enough to reach: it must count the resets of both nodes together
                        "--spi-admin-realm-restapi-extension--ecpa-personnel--resets-per-hour=" + RESETS_PER_HOUR)),
                realmImport.realmName(), withTestClient(realmImport.toJson()), "admin", adminPassword);
        for (ClusterNode node : cluster.nodes()) {
            admins.add(Keycloak.getInstance(node.baseUrl().toString(), "master", "admin", adminPassword, "admin-cli"));
        }
    }

    @AfterAll
    void stopEverything() {
        admins.forEach(Keycloak::close);
        if (cluster != null) {
            cluster.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @BeforeEach
    void everyNodeServes() {
        for (ClusterNode node : cluster.nodes()) {
            if (!node.running()) {
                cluster.startAgain(node);
            }
        }
        world.reset();
    }

    /** The realm's admin API on the first node that runs. */
    private RealmResource realm() {
        for (int i = 0; i < admins.size(); i++) {
            if (cluster.node(i).running()) {
                return admins.get(i).realm(realmImport.realmName());
            }
        }
        throw new IllegalStateException("no node runs");
    }

    private ClusterNode nodeA() {
        return cluster.node(0);
    }

    private ClusterNode nodeB() {
        return cluster.node(1);
    }

    /** A browser whose requests go to {@code node}, until told otherwise. */
    private CardLoginClient browserOn(ClusterNode node) {
        return new CardLoginClient(world.readerUrl()).onNode(PUBLIC_URL, node.baseUrl());
    }

    private String realmUrl() {
        return PUBLIC_URL + "/realms/" + realmImport.realmName();
    }

    private String authorizationUrl() {
        return AuthorizationRequest.url(realmUrl(), CLIENT_ID, REDIRECT_URI);
    }

    private String pinOf(String cardId) {
        return world.catalogue().get(cardId).pin();
    }

    private UserRepresentation userByNationalId(String nationalId) {
        List<UserRepresentation> found = realm().users().searchByAttributes("nationalId:" + nationalId, true);
        assertThat(found).as("one person with national ID %s", NationalIdMask.mask(nationalId)).hasSize(1);
        return found.get(0);
    }

    private List<CredentialRepresentation> credentials(UserRepresentation user, String type) {
        return realm().users().get(user.getId()).credentials().stream().filter(c -> type.equals(c.getType())).toList();
    }

    private static String message(String key) {
        return EcpaPages.messageIn("zh-Hant", key);
    }

    /** 1. The nonce from node A, the card's answer to node B; binding on A, the required actions on B; the card's level in the tokens. */
    @Test
    @Order(1)
    void givenAFirstCardLoginSpreadOverBothNodesThenItBindsSetsUpAndEndsWithTheCardsLevel() {
        String card = "citizen-chunjiao.chen";
        String nationalId = "F228765440";
        world.reader().insert(card);
        CardLoginClient browser = browserOn(nodeA());
        CardLoginClient.Page home = browser.open(authorizationUrl());
        assertThat(home.shows("ecpa-certificate-form")).as("node A's home page with its nonce").isTrue();

        CardLoginClient.Page binding = browser.onNode(PUBLIC_URL, nodeB().baseUrl()).logInWithPinOnHomePage(pinOf(card));
        assertThat(binding.shows("ecpa-binding-form")).as("node B verified the answer over node A's nonce: %s", binding.body()).isTrue();

        CardLoginClient.Page personalData = browser.onNode(PUBLIC_URL, nodeA().baseUrl()).bind(nationalId);
        assertThat(personalData.shows("ecpa-personal-data-form")).as("node A bound the card: %s", personalData.body()).isTrue();
        assertThat(credentials(userByNationalId(nationalId), "ecpa-certificate")).as("bound once").hasSize(1);

        CardLoginClient.Page password = browser.onNode(PUBLIC_URL, nodeB().baseUrl()).submit("ecpa-personal-data-form", Map.of(
                "username", "chunjiao.chen", "email", "chunjiao.chen@demo.ecpa.test", "phoneNumber", "0912345678", "egovMessages", "yes"));
        assertThat(password.shows("kc-passwd-update-form")).as("node B saved the personal data: %s", password.body()).isTrue();
        CardLoginClient.Page saved = browser.onNode(PUBLIC_URL, nodeA().baseUrl()).setNewPassword(RunSecrets.password("Chunjiao-cl-7x"));
        assertThat(saved.shows("ecpa-password-saved-form")).as("node A saved the password: %s", saved.body()).isTrue();
        CardLoginClient.Page done = browser.onNode(PUBLIC_URL, nodeB().baseUrl()).continueAfterPasswordSaved();
        assertThat(done.redirectedToApplication()).as("node B ends the login at the application: %s", done.body()).isTrue();

        JsonNode idToken = browser.idTokenClaims(nodeA().baseUrl() + "/realms/" + realmImport.realmName(), CLIENT_ID, REDIRECT_URI);
        assertThat(idToken.path("acr").asText()).isEqualTo("certificate");
        assertThat(idToken.path("amr").toString()).isEqualTo("[\"sc\",\"pin\"]");
        assertThat(idToken.path("preferred_username").asText()).isEqualTo("chunjiao.chen");

        UserRepresentation person = userByNationalId(nationalId);
        assertThat(person.getRequiredActions()).as("nothing left to set up").isEmpty();
        assertThat(credentials(person, "password")).hasSize(1);
        assertThat(cluster.database().query("SELECT count(*) FROM credential WHERE user_id = '" + person.getId() + "' AND type = 'ecpa-certificate'"))
                .as("the database holds one bound card").containsExactly("1");
    }

    /** 2. A nonce is good once on the whole cluster: the answer checked on A and posted again to B is a replay. */
    @Test
    @Order(2)
    void givenTheSameCardAnswerPostedToTheOtherNodeThenItIsRefusedAsAReplay() {
        String card = "variant-expired";
        world.reader().insert(card);
        CardLoginClient browser = browserOn(nodeA());
        browser.open(authorizationUrl());
        String answer = browser.sign(browser.page().nonce(), pinOf(card));
        CardLoginClient.Page first = browser.postAnswerOnHomePage(answer);
        assertThat(first.body()).as("node A refuses the expired card").contains(message("ecpa.certificate.expired"));

        CardLoginClient.Page replay = browser.onNode(PUBLIC_URL, nodeB().baseUrl()).postAnswerOnHomePage(answer);

        assertThat(replay.body()).as("node B knows the nonce was used on node A").contains(message("ecpa.certificate.nonceReused"));
        List<EventRepresentation> errors = realm().getEvents(List.of("LOGIN_ERROR"), CLIENT_ID, null, null, null, null, 0, 2);
        assertThat(errors).extracting(EventRepresentation::getError).containsExactly("ecpa_nonce_reused", "ecpa_certificate_expired");
    }

    /** 3. An OCSP answer fetched by node A serves node B: the responder is not asked again. */
    @Test
    @Order(3)
    void givenAnOcspAnswerFetchedOnOneNodeThenTheOtherNodeReusesIt() {
        String card = "citizen-daming.wang";
        world.reader().insert(card);
        int before = world.revocation().ocspRequestsServed();

        CardLoginClient onA = browserOn(nodeA());
        onA.open(authorizationUrl());
        assertThat(onA.logInWithPinOnHomePage(pinOf(card)).shows("ecpa-binding-form")).as("node A checked the card").isTrue();
        int afterA = world.revocation().ocspRequestsServed();
        assertThat(afterA).as("node A asked the responder").isEqualTo(before + 1);

        CardLoginClient onB = browserOn(nodeB());
        onB.open(authorizationUrl());
        assertThat(onB.logInWithPinOnHomePage(pinOf(card)).shows("ecpa-binding-form")).as("node B checked the card").isTrue();
        assertThat(world.revocation().ocspRequestsServed()).as("node B used node A's kept answer").isEqualTo(afterA);
    }

    /**
     * 4. A personnel officer's reset asked on node A is confirmed on node B; the officer's hourly limit
     * counts the resets of both nodes together; 忘記密碼's cool-down holds whichever node the second request reaches.
     */
    @Test
    @Order(4)
    void givenResetsSpreadOverBothNodesThenEachIsConfirmedOnceAndTheLimitsCountOnBothNodes() {
        PersonnelApiClient apiA = new PersonnelApiClient(nodeA().baseUrl() + "/realms/" + realmImport.realmName(), null);
        PersonnelApiClient apiB = new PersonnelApiClient(nodeB().baseUrl() + "/realms/" + realmImport.realmName(), null);
        // the help desk 劉冠宇 resets anyone but needs a certificate login: his card, bound on its first use
        world.reader().insert("citizen-guanyu.liu");
        String token = apiA.requireCardLogin(world.readerUrl(), pinOf("citizen-guanyu.liu"), "K112233448");
        String target = "S223456660";
        String targetEmail = "xiaomei.wang@demo.ecpa.test";
        String reason = "cluster ticket 17";

        PersonnelApiClient.Answer requested = apiA.requestReset(token, target, targetEmail, reason);
        assertThat(requested.status()).as("%s", requested).isEqualTo(201);
        String confirmation = requested.body().path("confirmationId").asText();
        PersonnelApiClient.Answer confirmed = apiB.confirm(token, confirmation);
        assertThat(confirmed.status()).as("node B confirms node A's pending reset: %s", confirmed).isEqualTo(200);
        assertThat(apiA.confirm(token, confirmation).status()).as("and it is gone from node A too").isEqualTo(404);
        assertThat(ResetMails.to(mail.messages(), targetEmail)).as("one letter").hasSize(1);
        assertThat(userByNationalId(target).getRequiredActions()).contains("ecpa-birthday-password");

        // the limit is RESETS_PER_HOUR: the first counted on node B, then one more on each node
        assertThat(apiB.reset(token, target, targetEmail, reason).status()).isEqualTo(200);
        assertThat(apiA.reset(token, target, targetEmail, reason).status()).isEqualTo(200);
        PersonnelApiClient.Answer overTheLimit = apiB.reset(token, target, targetEmail, reason);
        assertThat(overTheLimit.status()).as("the fourth reset of the hour, on either node: %s", overTheLimit).isEqualTo(429);
        assertThat(overTheLimit.error()).isEqualTo("rate-limited");
        assertThat(ResetMails.to(mail.messages(), targetEmail)).as("no letter for the refused reset").hasSize(RESETS_PER_HOUR);

        String person = "yijun.lin";
        String personEmail = "yijun.lin@demo.ecpa.test";
        CardLoginClient.Page first = forgot(nodeA(), person);
        assertThat(first.body()).contains(message("emailSentMessage"));
        CardLoginClient.Page second = forgot(nodeB(), "A234567893");
        assertThat(second.body()).as("the same page on node B").contains(message("emailSentMessage"));
        assertThat(ResetMails.to(mail.messages(), personEmail)).as("one letter within the cool-down, whichever node").hasSize(1);
        assertThat(realm().getEvents(List.of("RESET_PASSWORD_ERROR"), null, userByNationalId("A234567893").getId(), null, null, null, 0, 5))
                .extracting(EventRepresentation::getError).contains("ecpa_reset_rate_limited");
    }

    /** 忘記密碼 from the home page on {@code node}, for what the person types. */
    private CardLoginClient.Page forgot(ClusterNode node, String typed) {
        CardLoginClient browser = browserOn(node);
        CardLoginClient.Page home = browser.open(authorizationUrl());
        CardLoginClient.Page form = browser.open(PUBLIC_URL.resolve(home.link("ecpa-forgot-password-link")).toString());
        assertThat(form.body()).contains("template: ecpa-forgot-password.ftl");
        return browser.submit("ecpa-forgot-password-form", Map.of("account", typed));
    }

    /** 5. Visitor figures: logins on either node count, and both nodes show the same figures. */
    @Test
    @Order(5)
    void givenLoginsOnBothNodesThenBothCountAndBothNodesShowTheSameFigures() throws Exception {
        JsonNode before = chrome(nodeA());
        assertThat(chrome(nodeB()).path("total")).as("the same cumulative figure on both nodes").isEqualTo(before.path("total"));

        logInWithPassword(nodeA(), "daming.wang");
        logInWithPassword(nodeB(), "daming.wang");

        JsonNode onA = chrome(nodeA());
        JsonNode onB = chrome(nodeB());
        assertThat(onA.path("total").asLong()).as("cumulative visits after one login on each node").isEqualTo(before.path("total").asLong() + 2);
        assertThat(onB.path("total").asLong()).as("node B shows node A's figure").isEqualTo(onA.path("total").asLong());
        assertThat(onB.path("today").asLong()).as("today's visits, the same on both").isEqualTo(onA.path("today").asLong());
    }

    /** 6a. The same agency card's first login on both nodes at once: one agency account, in its agency once. */
    @Test
    @Order(6)
    void givenTheFirstLoginsOfOneAgencyCardOnBothNodesAtOnceThenTheyShareOneAgencyAccount() throws Exception {
        String card = "agency-x10000000a";
        world.reader().insert(card);
        CardLoginClient onA = browserOn(nodeA());
        CardLoginClient onB = browserOn(nodeB());
        onA.open(authorizationUrl());
        onB.open(authorizationUrl());
        String answerA = onA.sign(onA.page().nonce(), pinOf(card));
        String answerB = onB.sign(onB.page().nonce(), pinOf(card));

        List<CardLoginClient.Page> pages = atOnce(List.of(() -> onA.postAnswerOnHomePage(answerA), () -> onB.postAnswerOnHomePage(answerB)));

        assertThat(pages).as("both logins reach the application").allMatch(CardLoginClient.Page::redirectedToApplication,
                "redirected to the application");
        List<UserRepresentation> accounts = realm().users().search("ecpa-agency-x10000000a", true);
        assertThat(accounts).as("one agency account").hasSize(1);
        assertThat(realm().users().get(accounts.get(0).getId()).groups()).extracting(GroupRepresentation::getPath).containsExactly("/agencies/示範部");
        String realmOnA = nodeA().baseUrl() + "/realms/" + realmImport.realmName();
        assertThat(onA.idTokenClaims(realmOnA, CLIENT_ID, REDIRECT_URI).path("sub").asText()).isEqualTo(accounts.get(0).getId());
        assertThat(onB.idTokenClaims(realmOnA, CLIENT_ID, REDIRECT_URI).path("sub").asText()).isEqualTo(accounts.get(0).getId());
    }

    /** 6b. Two people claim one custom account, one on each node, at once: exactly one wins, the other is told it is taken. */
    @Test
    @Order(7)
    void givenTwoPeopleClaimingOneCustomAccountOnBothNodesAtOnceThenExactlyOneWins() throws Exception {
        CardLoginClient onA = atPersonalData(nodeA(), "citizen-jianhong.lin", "B123456708");
        CardLoginClient onB = atPersonalData(nodeB(), "citizen-shufen.zhang", "H212345676");
        String account = "cluster.race";

        List<CardLoginClient.Page> pages = atOnce(List.of(
                () -> onA.submit("ecpa-personal-data-form", personalData(account, "jianhong.lin@demo.ecpa.test")),
                () -> onB.submit("ecpa-personal-data-form", personalData(account, "shufen.zhang@demo.ecpa.test"))));

        long won = pages.stream().filter(p -> p.shows("kc-passwd-update-form")).count();
        List<CardLoginClient.Page> lost = pages.stream().filter(p -> p.shows("ecpa-personal-data-form")).toList();
        assertThat(won).as("exactly one claim won; the pages were %s", pages).isEqualTo(1);
        assertThat(lost).hasSize(1);
        assertThat(lost.get(0).body()).contains(message("ecpa.customAccount.taken"));
        List<UserRepresentation> holders = realm().users().searchByUsername(account, true);
        assertThat(holders).hasSize(1);
        UserRepresentation loser = userByNationalId(pages.get(0) == lost.get(0) ? "B123456708" : "H212345676");
        assertThat(loser.getUsername()).as("nothing of the loser is saved").isNotEqualTo(account);
        assertThat(loser.getRequiredActions()).as("the loser still has the personal-data step").contains("ecpa-personal-data");
    }

    /**
     * 7. Node A dies (SIGKILL) after issuing the nonce: once node B sees it gone, the person's login goes on
     * there, from the same page, and ends at the application with everything written once.
     */
    @Test
    @Order(8)
    void givenTheNodeThatIssuedTheNonceKilledThenTheLoginCompletesOnTheOtherNode() {
        String card = "citizen-junjie.wu";
        String nationalId = "D102030402";
        world.reader().insert(card);
        CardLoginClient browser = browserOn(nodeA());
        browser.open(authorizationUrl());

        nodeA().kill();
        nodeB().awaitClusterSize(1, Duration.ofSeconds(60));

        browser.onNode(PUBLIC_URL, nodeB().baseUrl());
        CardLoginClient.Page binding = browser.logInWithPinOnHomePage(pinOf(card));
        assertThat(binding.shows("ecpa-binding-form")).as("node B finishes what node A began: %s", binding.body()).isTrue();
        CardLoginClient.Page personalData = browser.bind(nationalId);
        assertThat(personalData.shows("ecpa-personal-data-form")).as("%s", personalData.body()).isTrue();
        CardLoginClient.Page password = browser.submit("ecpa-personal-data-form", personalData("junjie.wu", "junjie.wu@demo.ecpa.test"));
        assertThat(password.shows("kc-passwd-update-form")).as("%s", password.body()).isTrue();
        CardLoginClient.Page saved = browser.setNewPassword(RunSecrets.password("Junjie-cl-7x"));
        assertThat(browser.continueAfterPasswordSaved().redirectedToApplication()).as("%s", saved.body()).isTrue();

        UserRepresentation person = userByNationalId(nationalId);
        assertThat(person.getUsername()).isEqualTo("junjie.wu");
        assertThat(person.getRequiredActions()).isEmpty();
        assertThat(credentials(person, "ecpa-certificate")).hasSize(1);
        assertThat(credentials(person, "password")).hasSize(1);
    }

    /** 8. A rolling restart: node A stopped and started again while node B serves logins; every one of them succeeds. */
    @Test
    @Order(9)
    void givenARollingRestartOfNodeAThenLoginsOnNodeBAllSucceed() throws Exception {
        AtomicBoolean restarting = new AtomicBoolean(true);
        ExecutorService logins = Executors.newSingleThreadExecutor();
        Future<List<String>> outcomes = logins.submit(() -> {
            List<String> seen = new ArrayList<>();
            while (restarting.get()) {
                seen.add(passwordLoginOutcome(nodeB(), "daming.wang"));
            }
            return seen;
        });
        try {
            nodeA().stop();
            nodeB().awaitClusterSize(1, Duration.ofSeconds(60));
            cluster.startAgain(nodeA());
        } finally {
            restarting.set(false);
        }
        List<String> seen = outcomes.get();
        logins.shutdown();

        assertThat(seen).as("logins on node B during the restart").isNotEmpty().allMatch("application"::equals, "reached the application");
        assertThat(passwordLoginOutcome(nodeA(), "daming.wang")).as("node A serves again").isEqualTo("application");
    }

    /**
     * 9. The database stops for a few seconds while people log in: whatever they do meanwhile ends on a page
     * that says what happened and what to do (never a blank page or a stack trace), an officer's reset sends
     * no letter, nothing is half-written, and once the database is back both nodes serve again and the
     * interrupted first login, begun anew, binds the card once.
     */
    @Test
    @Order(10)
    void givenADatabaseOutageDuringLoginsThenPeopleSeeAClearPageNothingIsHalfWrittenAndTheClusterServesAgain() throws Exception {
        String card = "citizen-jiahao.li";
        String nationalId = "E198765439";
        String resetTarget = "H212345676";
        world.reader().insert(card);
        CardLoginClient binder = browserOn(nodeA());
        binder.open(authorizationUrl());
        assertThat(binder.logInWithPinOnHomePage(pinOf(card)).shows("ecpa-binding-form")).as("the binding page before the outage").isTrue();
        CardLoginClient account = browserOn(nodeB());
        assertThat(account.open(authorizationUrl()).shows("ecpa-certificate-form")).isTrue();
        PersonnelApiClient api = new PersonnelApiClient(nodeA().baseUrl() + "/realms/" + realmImport.realmName(), null);
        String officer = api.requireLogin("daming.wang", realmImport.passwords().get("daming.wang"));
        UserRepresentation before = userByNationalId(nationalId);
        UserRepresentation targetBefore = userByNationalId(resetTarget);
        List<CredentialRepresentation> targetPasswordBefore = credentials(targetBefore, "password");
        int lettersBefore = mail.messages().size();

        Map<String, CardLoginClient.Page> pages = new java.util.LinkedHashMap<>();
        PersonnelApiClient.Answer reset;
        Map<String, String> readiness = new java.util.LinkedHashMap<>();
        cluster.database().stop();
        try {
            pages.put("the binding posted to node B", binder.onNode(PUBLIC_URL, nodeB().baseUrl()).bind(nationalId));
            pages.put("a password login on node B", account.logInWithPassword("daming.wang", realmImport.passwords().get("daming.wang")));
            CardLoginClient newcomer = browserOn(nodeA());
            pages.put("a new login's home page on node A", newcomer.open(authorizationUrl()));
            PersonnelApiClient.Answer requested = api.requestReset(officer, resetTarget, "shufen.zhang@demo.ecpa.test", "outage ticket 9");
            reset = requested.status() == 201 ? api.confirm(officer, requested.body().path("confirmationId").asText()) : requested;
            // Keycloak checks its database in the background: its readiness turns DOWN within a few seconds
            for (ClusterNode node : cluster.nodes()) {
                readiness.put(node.name(), awaitReadiness(node, "DOWN", Duration.ofSeconds(30)));
            }
        } finally {
            cluster.database().startAgain();
        }

        pages.forEach((what, page) -> assertThat(page.shows("ecpa-certificate-form") || saysTryAgainLater(page))
                .as("%s: the home page or a page that says the service is unavailable, not %s %s", what, page.status(), page.body()).isTrue());
        assertThat(saysTryAgainLater(pages.get("the binding posted to node B"))).as("the binding could not be written").isTrue();
        assertThat(reset.status()).as("the reset during the outage: %s", reset).isEqualTo(503);
        assertThat(reset.error()).isEqualTo("unavailable");
        assertThat(readiness).as("the load balancer's health check during the outage").allSatisfy((node, answer) ->
                assertThat(answer).startsWith("503").contains("\"status\": \"DOWN\""));

        for (ClusterNode node : cluster.nodes()) {
            awaitServing(node, Duration.ofSeconds(90));
            assertThat(awaitReadiness(node, "UP", Duration.ofSeconds(30))).as("%s ready again", node).startsWith("200");
            assertThat(node.clusterSize()).as("%s still sees both nodes", node).isEqualTo(2);
        }
        assertThat(mail.messages()).as("no letter went out during the outage").hasSize(lettersBefore);
        UserRepresentation targetAfter = userByNationalId(resetTarget);
        assertThat(credentials(targetAfter, "password")).extracting(CredentialRepresentation::getId)
                .as("the reset target's password is the one before").isEqualTo(targetPasswordBefore.stream().map(CredentialRepresentation::getId).toList());
        assertThat(targetAfter.getRequiredActions()).isEqualTo(targetBefore.getRequiredActions());
        UserRepresentation after = userByNationalId(nationalId);
        assertThat(credentials(after, "ecpa-certificate")).as("no half-bound card").isEmpty();
        assertThat(after.getRequiredActions()).as("the person's first-login steps are as before").isEqualTo(before.getRequiredActions());

        CardLoginClient again = browserOn(nodeB());
        again.open(authorizationUrl());
        assertThat(again.logInWithPinOnHomePage(pinOf(card)).shows("ecpa-binding-form")).as("the first login begun anew").isTrue();
        CardLoginClient.Page personalData = again.onNode(PUBLIC_URL, nodeA().baseUrl()).bind(nationalId);
        assertThat(personalData.shows("ecpa-personal-data-form")).as("%s", personalData.body()).isTrue();
        assertThat(credentials(userByNationalId(nationalId), "ecpa-certificate")).as("bound once, after the outage").hasSize(1);
    }

    /** The page of a request the server could not serve: the portal's error page with what to do, in zh-Hant. */
    private static boolean saysTryAgainLater(CardLoginClient.Page page) {
        return page.status() >= 500 && page.body().contains("template: error.ftl")
                && page.body().contains(message("ecpa.error.unavailable"));
    }

    /** {@code node}'s {@code /health/ready} once its status is {@code status}, or the last answer after {@code limit}. */
    private String awaitReadiness(ClusterNode node, String status, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String answer;
        do {
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(node.managementUrl().resolve("/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            answer = ready.statusCode() + " " + ready.body().replaceAll("\\s+", " ");
            if (answer.contains("\"status\": \"" + status + "\"")) {
                return answer;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return answer;
    }

    /** Waits until a password login on {@code node} reaches the application again. */
    private void awaitServing(ClusterNode node, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        String outcome = passwordLoginOutcome(node, "daming.wang");
        while (!"application".equals(outcome) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            outcome = passwordLoginOutcome(node, "daming.wang");
        }
        assertThat(outcome).as("%s serves again after the outage", node).isEqualTo("application");
    }

    private CardLoginClient atPersonalData(ClusterNode node, String card, String nationalId) {
        world.reader().insert(card);
        CardLoginClient browser = browserOn(node);
        browser.open(authorizationUrl());
        CardLoginClient.Page binding = browser.logInWithPinOnHomePage(pinOf(card));
        assertThat(binding.shows("ecpa-binding-form")).as("%s", binding.body()).isTrue();
        CardLoginClient.Page personalData = browser.bind(nationalId);
        assertThat(personalData.shows("ecpa-personal-data-form")).as("%s", personalData.body()).isTrue();
        return browser;
    }

    private static Map<String, String> personalData(String account, String email) {
        return Map.of("username", account, "email", email, "phoneNumber", "0912345678", "egovMessages", "yes");
    }

    /** Runs the requests at the same moment, each on a thread of its own; their pages in the same order. */
    private static List<CardLoginClient.Page> atOnce(List<Supplier<CardLoginClient.Page>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<CardLoginClient.Page>> futures = new ArrayList<>();
            for (Supplier<CardLoginClient.Page> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<CardLoginClient.Page> pages = new ArrayList<>();
            for (Future<CardLoginClient.Page> future : futures) {
                pages.add(future.get());
            }
            return pages;
        } finally {
            pool.shutdownNow();
        }
    }

    private void logInWithPassword(ClusterNode node, String account) {
        assertThat(passwordLoginOutcome(node, account)).as("the login of %s on %s", account, node).isEqualTo("application");
    }

    /** 帳號登入 on {@code node}: "application" when it ends there, else what the page says. */
    private String passwordLoginOutcome(ClusterNode node, String account) {
        try {
            CardLoginClient browser = browserOn(node);
            browser.open(authorizationUrl());
            CardLoginClient.Page page = browser.logInWithPassword(account, realmImport.passwords().get(account));
            return page.redirectedToApplication() ? "application"
                    : page.status() + ": " + page.body().replaceAll("(?s)<head>.*</head>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /** The portal header's figures, as the pages of {@code node} ask for them. */
    private JsonNode chrome(ClusterNode node) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(node.baseUrl() + "/realms/" + realmImport.realmName() + "/ecpa-portal/chrome")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("the chrome endpoint of %s: %s", node, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The demo realm plus a public client of a relying application with the login-method claim. */
    private static String withTestClient(String realmJson) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(realmJson);
        ArrayNode clients = realm.has("clients") ? (ArrayNode) realm.get("clients") : realm.putArray("clients");
        ObjectNode client = clients.addObject();
        client.put("clientId", CLIENT_ID).put("publicClient", true).put("standardFlowEnabled", true).put("directAccessGrantsEnabled", false);
        client.putArray("redirectUris").add(REDIRECT_URI);
        ObjectNode amr = client.putArray("protocolMappers").addObject();
        amr.put("name", "amr").put("protocol", "openid-connect").put("protocolMapper", "ecpa-login-method-amr");
        amr.putObject("config").put("id.token.claim", "true").put("access.token.claim", "true");
        return JSON.writeValueAsString(realm);
    }
}

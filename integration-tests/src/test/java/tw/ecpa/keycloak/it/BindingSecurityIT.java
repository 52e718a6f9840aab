package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;

/**
 * The binding page is no oracle and a card belongs to one person (security issue 14, items 8 and the
 * binding race). A card may have only a few refused bindings (here 3; the realm's default is 5 in 15
 * minutes), counted on the card whatever is typed and in whichever login; after that every answer is
 * "try later", the holder's own ID included. Two people binding one card at the same moment: the binding
 * table's key lets exactly one have it. A card bound by the first form (credential and attribute index,
 * no SHA-256) still logs its person in, and gets its SHA-256 on that login.
 *
 * <p>Each test has a card of its own that no other class binds, so the counts of one never meet another.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class BindingSecurityIT extends EcpaIntegrationTest {

    private static final int MAX_FAILURES = 3;
    private static final String TYPE = "ecpa-certificate";

    private CardWorld world;
    private CertificateLoginFlow flow;
    private TestPeople people;

    @BeforeEach
    void aFlowWithTheRealmsLimits(CardWorld world) {
        this.world = world;
        flow = new CertificateLoginFlow(realm.admin(), realmAdminApi(), world);
        flow.setBindingSetting("ecpa.binding.maxFailures", Integer.toString(MAX_FAILURES));
        flow.setBindingSetting("ecpa.binding.failureWindowSeconds", "900");
        people = new TestPeople(realm.admin());
    }

    @AfterEach
    void removeTheFlowAndPeople() {
        people.close();
        flow.close();
    }

    private CardLoginClient atTheBindingPage(String cardId) {
        world.reader().insert(cardId);
        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(flow.authorizationUrl(realm.getBaseUrl()));
        CardLoginClient.Page page = browser.logInWithPin(world.catalogue().get(cardId).pin());
        assertThat(page.shows("ecpa-binding-form")).as("the binding page of a card bound to nobody").isTrue();
        return browser;
    }

    private List<EventRepresentation> loginErrors(int count) {
        return realm.admin().getEvents(List.of("LOGIN_ERROR"), flow.clientId(), null, null, null, null, 0, count);
    }

    private List<CredentialRepresentation> boundCards(TestPeople.Person person) {
        return person.admin().credentials().stream().filter(c -> TYPE.equals(c.getType())).toList();
    }

    private List<CredentialRepresentation> boundCards(String nationalId) {
        return userByNationalId(nationalId).credentials().stream().filter(c -> TYPE.equals(c.getType())).toList();
    }

    private static String message(String key) {
        return EcpaPages.messageIn("zh-Hant", key);
    }

    @Test
    void givenACardWhoseHolderIsOnNoRecordThenAfterThreeRefusalsEveryAnswerIsTryLaterAlsoInANewLogin() {
        CardLoginClient browser = atTheBindingPage("citizen-no-record");
        List<String> typed = new ArrayList<>();
        for (int i = 0; i < MAX_FAILURES; i++) {
            String nobody = TestPeople.newNationalId();
            typed.add(nobody);
            assertThat(browser.bind(nobody).body()).as("refusal %s tells the guide's first failure", i + 1)
                    .contains(message("ecpa.binding.notInPersonnelDatabase"));
        }

        String fourth = TestPeople.newNationalId();
        typed.add(fourth);
        CardLoginClient.Page held = browser.bind(fourth);
        assertThat(held.shows("ecpa-binding-form")).isTrue();
        assertThat(held.body()).contains(message("ecpa.binding.tryLater"))
                .doesNotContain(message("ecpa.binding.notInPersonnelDatabase"));

        // A new login (a new auth session) with the same card: the card, not the session, is counted.
        CardLoginClient again = atTheBindingPage("citizen-no-record");
        String departedAccount = TestPeople.freshAccount("gone");
        TestPeople.Person departed = people.departed(departedAccount);
        CardLoginClient.Page stillHeld = again.bind(departed.nationalId());
        assertThat(stillHeld.body()).contains(message("ecpa.binding.tryLater"))
                .as("a departed person's ID is not told apart either").doesNotContain(message("ecpa.binding.departed"));

        List<EventRepresentation> events = loginErrors(MAX_FAILURES + 2);
        assertThat(events.get(0).getError()).isEqualTo("ecpa_binding_attempts_exhausted");
        assertThat(events.get(0).getDetails()).containsKey("reason")
                .containsEntry("username", departed.nationalId().substring(0, 2) + "*****" + departed.nationalId().substring(7));
        assertThat(events.get(1).getError()).isEqualTo("ecpa_binding_attempts_exhausted");
        assertThat(events.subList(2, MAX_FAILURES + 2)).extracting(EventRepresentation::getError).containsOnly("user_not_found");
        String allDetails = events.stream().map(e -> String.valueOf(e.getDetails())).toList().toString();
        typed.add(departed.nationalId());
        assertThat(typed).allSatisfy(id -> assertThat(allDetails).as("no typed ID unmasked in an event").doesNotContain(id));
        assertThat(boundCards(departed)).isEmpty();
    }

    @Test
    void givenACardWithThreeRefusalsThenEvenItsHoldersOwnIdIsTryLaterAndNothingIsBound() {
        String holderId = "B123456708"; // 林建宏, the holder of citizen-jianhong.lin
        CardLoginClient browser = atTheBindingPage("citizen-jianhong.lin");
        for (int i = 0; i < MAX_FAILURES; i++) {
            TestPeople.Person someoneElse = people.withAccount(TestPeople.freshAccount("other"));
            CardLoginClient.Page failed = browser.bind(someoneElse.nationalId());
            assertThat(failed.body()).contains(message("ecpa.binding.holderMismatch"));
            browser.back();
        }
        UserRepresentation holderBefore = userByNationalId(holderId).toRepresentation();

        CardLoginClient.Page held = browser.bind(holderId);

        assertThat(held.shows("ecpa-binding-form")).as("still the binding page, not the login").isTrue();
        assertThat(held.redirectedToApplication()).isFalse();
        assertThat(held.body()).contains(message("ecpa.binding.tryLater"));
        assertThat(boundCards(holderId)).as("nothing bound").isEmpty();
        UserRepresentation holderAfter = userByNationalId(holderId).toRepresentation();
        assertThat(holderAfter.getAttributes()).isEqualTo(holderBefore.getAttributes());
        assertThat(holderAfter.getRequiredActions()).isEqualTo(holderBefore.getRequiredActions());
        EventRepresentation event = loginErrors(1).get(0);
        assertThat(event.getError()).isEqualTo("ecpa_binding_attempts_exhausted");
        assertThat(event.getDetails()).containsEntry("username", "B1*****708");
        assertThat(event.getUserId()).as("nobody was looked up").isNull();
    }

    @Test
    void givenTwoPeopleBindingOneCardAtTheSameMomentThenExactlyOneHasIt() throws Exception {
        // Two records of one person (F228765440, 陳春嬌's card): both pass the holder check, so only the
        // binding's own key can keep the card from being bound twice.
        String cardId = "citizen-chunjiao.chen";
        String holderId = "F228765440";
        List<TestPeople.Person> claimants = List.of(personWithId(holderId), personWithId(holderId));
        List<CardLoginClient> browsers = List.of(atTheBindingPage(cardId), atTheBindingPage(cardId));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CardLoginClient.Page>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                CardLoginClient browser = browsers.get(i);
                String account = claimants.get(i).username();
                answers.add(pool.submit(() -> {
                    start.await();
                    return browser.bind(account);
                }));
            }
            start.countDown();
            List<Integer> winners = new ArrayList<>();
            List<CardLoginClient.Page> losers = new ArrayList<>();
            List<CardLoginClient.Page> pages = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                CardLoginClient.Page page = answers.get(i).get();
                pages.add(page);
                if (page.shows("ecpa-binding-form")) {
                    losers.add(page);
                } else {
                    winners.add(i);
                }
            }

            assertThat(winners).as("bindings that succeeded; the answers were:\n%s", pages).hasSize(1);
            assertThat(losers).hasSize(1);
            assertThat(losers.get(0).status()).isEqualTo(200);
            assertThat(losers.get(0).body()).contains(message("ecpa.binding.boundToAnother"));
            int winner = winners.get(0);
            assertThat(boundCards(claimants.get(winner))).hasSize(1);
            assertThat(boundCards(claimants.get(1 - winner))).as("the loser holds nothing").isEmpty();
            List<String> holdingTheCard = realm.admin().users().searchByAttributes("nationalId:" + holderId, true).stream()
                    .filter(user -> realm.admin().users().get(user.getId()).credentials().stream().anyMatch(c -> TYPE.equals(c.getType())))
                    .map(UserRepresentation::getId).toList();
            assertThat(holdingTheCard).as("of every record of that ID, only the winner holds the card")
                    .containsExactly(claimants.get(winner).id());
        } finally {
            pool.shutdownNow();
        }

        // And the card now logs in its one person, with the PIN alone.
        world.reader().insert(cardId);
        CardLoginClient next = new CardLoginClient(world.readerUrl());
        next.open(flow.authorizationUrl(realm.getBaseUrl()));
        assertThat(next.logInWithPin(world.catalogue().get(cardId).pin()).shows("ecpa-binding-form")).isFalse();
    }

    /** A serving person with a custom account and e-mail whose record carries {@code nationalId}. */
    private TestPeople.Person personWithId(String nationalId) {
        TestPeople.Person person = people.withAccount(TestPeople.freshAccount("twin"));
        UserRepresentation rep = person.admin().toRepresentation();
        rep.getAttributes().put("nationalId", List.of(nationalId));
        person.admin().update(rep);
        return person;
    }

    @Test
    void givenACardBoundByTheFirstFormThenItStillLogsItsPersonInAndGetsItsSha256() throws Exception {
        String cardId = "citizen-shufen.zhang";
        X509Certificate certificate = world.pki().card(cardId).certificate();
        String account = TestPeople.freshAccount("legacy");
        String nationalId = TestPeople.newNationalId();

        // What the first form wrote: a credential without the SHA-256, and the index by issuer DN and serial.
        UserRepresentation user = new UserRepresentation();
        user.setUsername(account);
        user.setEmail(account + "@it.ecpa.test");
        user.setFirstName("舊");
        user.setLastName("綁定");
        user.setEnabled(true);
        user.setAttributes(Map.of("nationalId", List.of(nationalId), "employmentStatus", List.of("serving"),
                "agencyCode", List.of("X10000000A"), "birthDate", List.of(TestPeople.BIRTH_DATE),
                "ecpaCertificate", List.of(firstFormKey(certificate))));
        CredentialRepresentation bound = new CredentialRepresentation();
        bound.setType(TYPE);
        bound.setUserLabel("first form");
        bound.setCreatedDate(System.currentTimeMillis());
        bound.setCredentialData("{\"issuerDn\":\"" + certificate.getIssuerX500Principal().getName() + "\",\"serialNumber\":\""
                + certificate.getSerialNumber().toString(16) + "\",\"subjectDn\":\"" + certificate.getSubjectX500Principal().getName()
                + "\",\"notBefore\":" + certificate.getNotBefore().getTime() + ",\"notAfter\":" + certificate.getNotAfter().getTime()
                + ",\"boundAt\":" + System.currentTimeMillis() + ",\"lastUsedAt\":null}");
        bound.setSecretData("{}");
        user.setCredentials(List.of(bound));
        PartialImportRepresentation partial = new PartialImportRepresentation();
        partial.setUsers(List.of(user));
        partial.setIfResourceExists(PartialImportRepresentation.Policy.FAIL.name());
        realm.admin().partialImport(partial).close();
        List<UserRepresentation> found = realm.admin().users().searchByUsername(account, true);
        assertThat(found).hasSize(1);
        TestPeople.Person person = people.adopt(found.get(0).getId(), nationalId);
        assertThat(boundCards(person)).hasSize(1);
        assertThat(person.admin().toRepresentation().getAttributes()).containsKey("ecpaCertificate");

        world.reader().insert(cardId);
        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(flow.authorizationUrl(realm.getBaseUrl()));
        CardLoginClient.Page page = browser.logInWithPin(world.catalogue().get(cardId).pin());

        assertThat(page.shows("ecpa-binding-form")).as("a bound card: no binding page").isFalse();
        assertThat(page.redirectedToApplication()).as("logged in: " + page.body()).isTrue();
        List<EventRepresentation> logins = realm.admin().getEvents(List.of("LOGIN"), flow.clientId(), person.id(), null, null, null, 0, 1);
        assertThat(logins).as("the first-form holder logged in").hasSize(1);
        List<CredentialRepresentation> after = boundCards(person);
        assertThat(after).hasSize(1);
        assertThat(after.get(0).getCredentialData()).contains("\"certificateSha256\":\"" + sha256(certificate.getEncoded()) + "\"");
        assertThat(person.admin().toRepresentation().getAttributes()).as("the old index entry is gone").doesNotContainKey("ecpaCertificate");

        // The next login finds it by its SHA-256 alone.
        CardLoginClient second = new CardLoginClient(world.readerUrl());
        second.open(flow.authorizationUrl(realm.getBaseUrl()));
        assertThat(second.logInWithPin(world.catalogue().get(cardId).pin()).redirectedToApplication()).isTrue();
    }

    /** The first form's index value: SHA-256 of the canonical issuer DN, a colon, the serial in hex. */
    private static String firstFormKey(X509Certificate certificate) throws Exception {
        String issuer = certificate.getIssuerX500Principal().getName(X500Principal.CANONICAL);
        return sha256(issuer.getBytes(StandardCharsets.UTF_8)) + ":" + new BigInteger(certificate.getSerialNumber().toString(16), 16).toString(16);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

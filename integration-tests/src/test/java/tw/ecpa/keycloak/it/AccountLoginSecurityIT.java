package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.core.NationalIdMask;

/**
 * 帳號登入 tells nobody who is on record (issue 14, item 6, and the lockout of its lower-severity list):
 * an unknown national ID, one on record without a password yet, an empty password, a wrong password and
 * a temporarily locked account all get the same page with the same message, and each failure of a known
 * person counts for brute-force detection, also while the lock lasts. That they cost the same time is
 * measured by the benchmarks (AccountRefusalSimulation), not here.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class AccountLoginSecurityIT extends EcpaIntegrationTest {

    private static final String REDIRECT_URI = "http://127.0.0.1:9/callback";
    private static final String PASSWORD = "Security-it-7k";
    private static final String WRONG_PASSWORD = "Wrong-pass-3q";

    private TestPeople people;
    private String clientId;
    private TestApp app;

    @BeforeEach
    void anApplicationOnTheRealmsOwnBrowserFlow() {
        people = new TestPeople(realm.admin());
        app = TestApp.register(realm.admin(), "it-account-security-", REDIRECT_URI);
        clientId = app.clientId();
    }

    @AfterEach
    void cleanUp() {
        people.close();
        app.close();
    }

    /** A new browser on the home page posts the 帳號登入 box once: the page that answers. */
    private CardLoginClient.Page logIn(String typed, String password) {
        CardLoginClient browser = new CardLoginClient();
        browser.open(AuthorizationRequest.url(realm.getBaseUrl(), clientId, REDIRECT_URI));
        return browser.logInWithPassword(typed, password);
    }

    /** The answer to a wrong password for a fresh person: what every other refusal is compared with. */
    private String wrongPasswordPage() {
        TestPeople.Person reference = people.withAccount(TestPeople.freshAccount("it.sec.ref."));
        reference.givePassword(PASSWORD);
        return RefusalPage.of(logIn(reference.nationalId(), WRONG_PASSWORD), reference.nationalId());
    }

    private int failures(TestPeople.Person person) {
        return ((Number) realm.admin().attackDetection().bruteForceUserStatus(person.id()).get("numFailures")).intValue();
    }

    private boolean locked(TestPeople.Person person) {
        return Boolean.TRUE.equals(realm.admin().attackDetection().bruteForceUserStatus(person.id()).get("disabled"));
    }

    private List<String> loginErrorsOf(TestPeople.Person person) {
        return realm.admin().getEvents(List.of("LOGIN_ERROR"), clientId, person.id(), null, null, null, 0, 20).stream()
                .map(EventRepresentation::getError).toList();
    }

    private static String invalid() {
        return EcpaPages.messageIn("zh-Hant", "ecpa.login.invalid");
    }

    @Test
    void givenANationalIdNobodyHoldsThenThePageIsTheWrongPasswordPageAndTheEventSaysUserNotFoundWithTheIdMasked() {
        String unknown = TestPeople.newNationalId();

        CardLoginClient.Page page = logIn(unknown, PASSWORD);

        assertThat(RefusalPage.errorUnderAccount(page)).isEqualTo(invalid());
        assertThat(RefusalPage.of(page, unknown)).isEqualTo(wrongPasswordPage());
        List<EventRepresentation> events = realm.admin().getEvents(List.of("LOGIN_ERROR"), clientId, null, null, null, null, 0, 20);
        assertThat(events).filteredOn(e -> e.getDetails() != null && NationalIdMask.mask(unknown).equals(e.getDetails().get("username")))
                .extracting(EventRepresentation::getError).containsExactly("user_not_found");
    }

    @Test
    void givenAPersonOnRecordWithoutAPasswordYetThenThePageIsTheWrongPasswordPageAndTheFailureCounts() {
        TestPeople.Person newcomer = people.newcomer();

        CardLoginClient.Page page = logIn(newcomer.nationalId(), PASSWORD);

        assertThat(RefusalPage.errorUnderAccount(page)).isEqualTo(invalid());
        assertThat(RefusalPage.of(page, newcomer.nationalId())).isEqualTo(wrongPasswordPage());
        assertThat(loginErrorsOf(newcomer)).containsExactly("invalid_user_credentials");
        assertThat(failures(newcomer)).isEqualTo(1);
    }

    @Test
    void givenAnEmptyPasswordThenThePageIsTheWrongPasswordPageAndTheFailureCounts() {
        TestPeople.Person person = people.withAccount(TestPeople.freshAccount("it.sec.empty."));
        person.givePassword(PASSWORD);

        CardLoginClient.Page page = logIn(person.nationalId(), "");

        assertThat(RefusalPage.errorUnderAccount(page)).isEqualTo(invalid());
        assertThat(RefusalPage.of(page, person.nationalId())).isEqualTo(wrongPasswordPage());
        assertThat(loginErrorsOf(person)).containsExactly("invalid_user_credentials");
        assertThat(failures(person)).isEqualTo(1);
    }

    @Test
    void givenAWrongPasswordThenTheMessageIsTheOneForAnUnknownAccountAndTheFailureCounts() {
        TestPeople.Person person = people.withAccount(TestPeople.freshAccount("it.sec.wrong."));
        person.givePassword(PASSWORD);

        CardLoginClient.Page page = logIn(person.nationalId(), WRONG_PASSWORD);

        assertThat(RefusalPage.errorUnderAccount(page)).isEqualTo(invalid());
        assertThat(loginErrorsOf(person)).containsExactly("invalid_user_credentials");
        assertThat(failures(person)).isEqualTo(1);
    }

    /** Wrong passwords until the realm locks the account: at the latest the fifth, sooner by the quick-login check. */
    private TestPeople.Person lockedPerson() {
        TestPeople.Person person = people.withAccount(TestPeople.freshAccount("it.sec.locked."));
        person.givePassword(PASSWORD);
        int limit = realm.admin().toRepresentation().getFailureFactor();
        for (int i = 0; i < limit && !locked(person); i++) {
            logIn(person.nationalId(), WRONG_PASSWORD);
        }
        assertThat(locked(person)).as("locked after %d wrong passwords", limit).isTrue();
        return person;
    }

    @Test
    void givenALockedAccountThenAWrongPasswordGetsTheWrongPasswordPageAndStillCounts() {
        TestPeople.Person person = lockedPerson();
        int before = failures(person);

        CardLoginClient.Page page = logIn(person.nationalId(), WRONG_PASSWORD);

        assertThat(RefusalPage.errorUnderAccount(page)).isEqualTo(invalid());
        assertThat(RefusalPage.of(page, person.nationalId())).isEqualTo(wrongPasswordPage());
        assertThat(failures(person)).isEqualTo(before + 1);
        assertThat(loginErrorsOf(person)).first().isEqualTo("user_temporarily_disabled");
    }

    @Test
    void givenALockedAccountThenEvenTheRightPasswordGetsTheWrongPasswordPageLogsNobodyInAndCounts() {
        TestPeople.Person person = lockedPerson();
        int before = failures(person);

        CardLoginClient.Page page = logIn(person.nationalId(), PASSWORD);

        assertThat(page.redirectedToApplication()).isFalse();
        assertThat(RefusalPage.errorUnderAccount(page)).isEqualTo(invalid());
        assertThat(RefusalPage.of(page, person.nationalId())).isEqualTo(wrongPasswordPage());
        assertThat(failures(person)).isEqualTo(before + 1);
        assertThat(locked(person)).isTrue();
        assertThat(loginErrorsOf(person)).first().isEqualTo("user_temporarily_disabled");
    }

    @Test
    void givenALockedAccountThenTheCustomAccountGetsTheSameAnswerAsTheNationalId() {
        TestPeople.Person person = lockedPerson();

        CardLoginClient.Page page = logIn(person.username(), PASSWORD);

        assertThat(RefusalPage.errorUnderAccount(page)).isEqualTo(invalid());
        assertThat(page.redirectedToApplication()).isFalse();
    }

    /** What the refusals above are not: with the right password and no lock, the same box logs the person in. */
    @Test
    void givenTheRightPasswordThenThePersonIsLoggedIn() {
        TestPeople.Person person = people.withAccount(TestPeople.freshAccount("it.sec.ok."));
        person.givePassword(PASSWORD);

        CardLoginClient.Page page = logIn(person.nationalId(), PASSWORD);

        assertThat(page.redirectedToApplication()).as(page.body()).isTrue();
        assertThat(failures(person)).isZero();
    }

    /**
     * A refused 帳號登入 page with what differs from one answer to the next taken out: the auth session's
     * tab, code and client data in the links, the 憑證登入 box's nonce, and the account the person typed,
     * shown back to them. Anything else that differs would tell one case from another.
     */
    static final class RefusalPage {

        private static final Pattern ERROR_UNDER_ACCOUNT = Pattern.compile(
                "id=\"input-error-username\">\\s*<span[^>]*>\\s*(.*?)\\s*</span>", Pattern.DOTALL);

        private RefusalPage() {
        }

        static String of(CardLoginClient.Page page, String typed) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.shows("kc-form-login")).as(page.body()).isTrue();
            return page.body()
                    .replaceAll("(tab_id|session_code|client_data|execution)=[^&\"]*", "$1=(varies)")
                    .replaceAll("data-(tab-id|nonce)=\"[^\"]*\"", "data-$1=\"(varies)\"")
                    .replace("value=\"" + typed + "\"", "value=\"(typed)\"");
        }

        /** The text under the account field. */
        static String errorUnderAccount(CardLoginClient.Page page) {
            Matcher matcher = ERROR_UNDER_ACCOUNT.matcher(page.body());
            assertThat(matcher.find()).as("an error under the account field:\n" + page.body()).isTrue();
            return matcher.group(1).strip();
        }
    }
}

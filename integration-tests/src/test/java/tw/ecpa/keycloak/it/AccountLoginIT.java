package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** 帳號登入: national ID or custom account, and the password. */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class AccountLoginIT extends EcpaIntegrationTest {

    private static final String PASSWORD = "Login-it-9x";

    @InjectWebDriver
    ManagedWebDriver browser;

    private TestPeople people;
    private EcpaPages pages;

    @BeforeEach
    void freshBrowserAndPeople() {
        people = new TestPeople(realm.admin());
        pages = new EcpaPages(browser.driver(), realm.getBaseUrl());
        pages.forgetSession();
    }

    @AfterEach
    void removeThePeople() {
        people.close();
    }

    @Test
    void aPersonLogsInWithTheCustomAccountAndWithTheNationalIdInAnyCase() {
        String account = TestPeople.freshAccount("it.login.");
        TestPeople.Person person = people.withAccount(account);
        person.givePassword(PASSWORD);

        pages.openAccountConsole();
        pages.logIn(account, PASSWORD);
        pages.waitForAccountConsole();

        pages.forgetSession();
        pages.openAccountConsole();
        pages.logIn(" " + person.nationalId().toLowerCase(Locale.ROOT) + " ", PASSWORD);
        pages.waitForAccountConsole();
    }

    @Test
    void anUnknownAccountAndAWrongPasswordGetTheSameMessage() {
        String account = TestPeople.freshAccount("it.login.");
        TestPeople.Person person = people.withAccount(account);
        person.givePassword(PASSWORD);

        pages.openAccountConsole();
        pages.logIn("nobody.here", PASSWORD);
        String unknownAccount = pages.errors();
        pages.logIn(TestPeople.newNationalId(), PASSWORD);
        String unknownId = pages.errors();
        pages.logIn(account, "Wrong-pass-1");
        String wrongPasswordByAccount = pages.errors();
        sleepPastTheQuickLoginCheck();
        pages.logIn(person.nationalId(), "Wrong-pass-1");
        String wrongPasswordById = pages.errors();

        assertThat(unknownAccount).isEqualTo(pages.message("ecpa.login.invalid"));
        assertThat(unknownId).isEqualTo(unknownAccount);
        assertThat(wrongPasswordByAccount).isEqualTo(unknownAccount);
        assertThat(wrongPasswordById).isEqualTo(unknownAccount);
    }

    @Test
    void aPlaceholderUsernameIsNoAccount() {
        TestPeople.Person person = people.newcomer();
        person.givePassword(PASSWORD);

        pages.openAccountConsole();
        pages.logIn(person.username(), PASSWORD);

        assertThat(pages.errors()).isEqualTo(pages.message("ecpa.login.invalid"));
    }

    @Test
    void wrongPasswordsCountForBruteForceDetectionWhetherTypedAsAccountOrId() {
        String account = TestPeople.freshAccount("it.login.");
        TestPeople.Person person = people.withAccount(account);
        person.givePassword(PASSWORD);

        pages.openAccountConsole();
        pages.logIn(person.nationalId(), "Wrong-pass-1");
        pages.waitFor(EcpaPages.HOME);
        Map<String, Object> afterId = realm.admin().attackDetection().bruteForceUserStatus(person.id());
        sleepPastTheQuickLoginCheck();
        pages.logIn(account, "Wrong-pass-2");
        pages.waitFor(EcpaPages.HOME);
        Map<String, Object> afterAccount = realm.admin().attackDetection().bruteForceUserStatus(person.id());

        assertThat(((Number) afterId.get("numFailures")).intValue()).isEqualTo(1);
        assertThat(((Number) afterAccount.get("numFailures")).intValue()).isEqualTo(2);
    }

    @Test
    void eventsOfALoginTypedAsNationalIdCarryItMaskedOnly() {
        String account = TestPeople.freshAccount("it.login.");
        TestPeople.Person person = people.withAccount(account);
        person.givePassword(PASSWORD);

        pages.openAccountConsole();
        pages.logIn(person.nationalId(), "Wrong-pass-1");
        pages.waitFor(EcpaPages.HOME);

        List<EventRepresentation> events = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, person.id(), null, null, null, 0, 10);
        assertThat(events).isNotEmpty();
        String id = person.nationalId();
        assertThat(events.get(0).getDetails()).containsEntry("username", id.substring(0, 2) + "*****" + id.substring(7));
        assertThat(events.toString() + events.stream().map(e -> String.valueOf(e.getDetails())).toList()).doesNotContain(id);
    }

    @Test
    void aPersonWhoLeftServiceCannotLogIn() {
        String account = TestPeople.freshAccount("it.left.");
        TestPeople.Person person = people.departed(account);
        person.givePassword(PASSWORD);

        pages.openAccountConsole();
        pages.logIn(person.nationalId(), PASSWORD);

        assertThat(pages.errors()).isEqualTo(pages.message("ecpa.login.departed"));
    }

    @Test
    void aDepartedPersonsStatusIsNotShownToSomeoneWithoutThePassword() {
        String account = TestPeople.freshAccount("it.left.");
        TestPeople.Person person = people.departed(account);
        person.givePassword(PASSWORD);

        pages.openAccountConsole();
        pages.logIn(account, "Wrong-pass-1");

        assertThat(pages.errors()).isEqualTo(pages.message("ecpa.login.invalid"));
    }

    /** Two failures within a second would lock the account at once (quick-login check). */
    static void sleepPastTheQuickLoginCheck() {
        try {
            Thread.sleep(1_200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

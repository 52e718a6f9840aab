package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * After the setup a person changes their personal data and password themselves, through
 * application-initiated actions (what the account console and the portal's 我的專區 links use).
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class LaterChangesIT extends EcpaIntegrationTest {

    private static final String PASSWORD = "Later-it-9x";
    /** Nothing listens here: the browser only has to be sent there. */
    private static final String CALLBACK = "http://127.0.0.1:9/callback";

    @InjectWebDriver
    ManagedWebDriver browser;

    private TestPeople people;
    private EcpaPages pages;
    private String clientId;
    private TestApp app;

    @BeforeEach
    void aPortalApplicationAndAFreshBrowser() {
        people = new TestPeople(realm.admin());
        pages = new EcpaPages(browser.driver(), realm.getBaseUrl());
        pages.forgetSession();
        app = TestApp.register(realm.admin(), "it-portal-", CALLBACK);
        clientId = app.clientId();
    }

    @AfterEach
    void removeTheApplicationAndPeople() {
        app.close();
        people.close();
    }

    @Test
    void aPersonChangesTheirCustomAccountAndPhone() {
        String account = TestPeople.freshAccount("it.later.");
        TestPeople.Person person = people.withAccount(account);
        person.givePassword(PASSWORD);
        pages.openAccountConsole();
        pages.logIn(account, PASSWORD);
        pages.waitForAccountConsole();

        String renamed = TestPeople.freshAccount("it.renamed.");
        requestAction("ecpa-personal-data");
        pages.fillPersonalData(renamed, account + "@it.ecpa.test", "0223456789", "no");
        awaitCallbackWith("kc_action_status=success");

        assertThat(person.admin().toRepresentation().getUsername()).isEqualTo(renamed);
        assertThat(person.admin().toRepresentation().getAttributes().get("phoneNumber")).containsExactly("0223456789");
        pages.forgetSession();
        pages.openAccountConsole();
        pages.logIn(renamed, PASSWORD);
        pages.waitForAccountConsole();
    }

    @Test
    void aPersonChangesTheirPassword() {
        String account = TestPeople.freshAccount("it.later.");
        TestPeople.Person person = people.withAccount(account);
        person.givePassword(PASSWORD);
        pages.openAccountConsole();
        pages.logIn(person.nationalId(), PASSWORD);
        pages.waitForAccountConsole();

        requestAction("UPDATE_PASSWORD");
        pages.fillNewPassword("Changed-pw-77", "Changed-pw-77");
        assertThat(pages.isShowing(EcpaPages.PASSWORD_SAVED)).as("操作成功 after 修改密碼").isTrue();
        assertThat(pages.feedback()).isEqualTo(pages.message("ecpa.password.saved"));
        assertThat(pages.text(By.id("ecpa-password-saved-reminder"))).isEqualTo(pages.message("ecpa.password.saved.reminder"));
        pages.continueAfterPasswordSaved();
        awaitCallbackWith("kc_action_status=success");

        pages.forgetSession();
        pages.openAccountConsole();
        pages.logIn(account, "Changed-pw-77");
        pages.waitForAccountConsole();
    }

    @Test
    void aPasswordChangeThePersonStartedMayBeCancelledAndChangesNothing() {
        String account = TestPeople.freshAccount("it.later.");
        TestPeople.Person person = people.withAccount(account);
        person.givePassword(PASSWORD);
        pages.openAccountConsole();
        pages.logIn(account, PASSWORD);
        pages.waitForAccountConsole();
        Long passwordSetAt = person.passwordCreatedDate();

        requestAction("UPDATE_PASSWORD");
        pages.waitFor(EcpaPages.UPDATE_PASSWORD);
        assertThat(pages.labelOf("password-confirm")).isEqualTo(pages.message("passwordNewConfirm"));
        assertThat(pages.text(By.id("kc-cancel"))).as("修改密碼 shows 取消 as the guide does").isEqualTo(pages.message("doCancel"));
        browser.driver().findElement(By.id("kc-cancel")).click();
        awaitCallbackWith("kc_action_status=cancelled");

        assertThat(person.passwordCreatedDate()).as("nothing saved").isEqualTo(passwordSetAt);
        assertThat(person.admin().toRepresentation().getRequiredActions()).isEmpty();
        pages.forgetSession();
        pages.openAccountConsole();
        pages.logIn(account, PASSWORD);
        pages.waitForAccountConsole();
    }

    private void requestAction(String action) {
        browser.driver().navigate().to(realm.getBaseUrl() + "/protocol/openid-connect/auth?client_id=" + clientId
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
                + "&response_type=code&scope=openid&kc_action=" + action);
    }

    private void awaitCallbackWith(String parameter) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().startsWith(CALLBACK) && d.getCurrentUrl().contains(parameter));
    }
}

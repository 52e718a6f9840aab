package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import tw.ecpa.keycloak.core.RocDate;

/**
 * 我的專區 (the account console in the ecpa account theme) as the guide's logged-in pages show it: the
 * portal header with the person, the ROC date and 登出; 個人功能 with the guide's names; and 【權限與兼辦管理】
 * only for whoever may reset passwords, leading to the personnel console in the same header.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class AccountConsoleIT extends EcpaIntegrationTest {

    private static final String PASSWORD = "Account-pass-2024";
    private static final String HELP_DESK = "K112233448";

    @InjectWebDriver
    ManagedWebDriver browser;

    private TestPeople people;
    private EcpaPages pages;

    @BeforeEach
    void freshBrowser() {
        people = new TestPeople(realm.admin());
        pages = new EcpaPages(browser.driver(), realm.getBaseUrl());
        pages.forgetSession();
    }

    @AfterEach
    void removeThePeople() {
        people.close();
    }

    private WebDriver driver() {
        return browser.driver();
    }

    /** Logs in from the home page, in zh-Hant, and waits for 我的專區 and its header's figures. */
    private void logInToMyArea(String account, String password) {
        pages.openAccountConsole();
        pages.showInTraditionalChinese();
        pages.logIn(account, password);
        pages.waitForAccountConsole();
        pages.waitForTheChrome();
    }

    /** What the header's script learnt about 【權限與兼辦管理】: open, ask-the-chief or none. */
    private String officeAccess() {
        return new WebDriverWait(driver(), Duration.ofSeconds(15))
                .until(d -> d.findElement(By.id("ecpa-chrome")).getAttribute("data-office"));
    }

    private boolean shown(String id) {
        return driver().findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
    }

    private String logInAsDemoUser(String nationalId) {
        UserResource user = userByNationalId(nationalId);
        String password = DemoUsers.givePassword(user);
        logInToMyArea(nationalId, password);
        return user.toRepresentation().getLastName() + user.toRepresentation().getFirstName();
    }

    @Test
    void aCivilServantSeesTheHeaderTheGuidesNamesAndNoPersonnelOffice() {
        TestPeople.Person person = people.withAccount(TestPeople.freshAccount("it.myarea."));
        person.givePassword(PASSWORD);

        logInToMyArea(person.nationalId(), PASSWORD);

        assertThat(pages.text(By.id("ecpa-portal-title"))).isEqualTo("行政院人事行政總處 人事服務網");
        assertThat(pages.text(By.id("ecpa-person"))).isEqualTo("整合測試@示範部 (帳號登入)");
        assertThat(pages.text(By.id("ecpa-today"))).isEqualTo(RocDate.display(LocalDate.now(ZoneId.of("Asia/Taipei"))));
        assertThat(pages.text(By.id("ecpa-client-ip"))).matches("[0-9a-fA-F.:]+");
        assertThat(pages.text(By.id("ecpa-menu-logout"))).isEqualTo("登出");
        assertThat(pages.text(By.cssSelector("[data-testid='page-heading']"))).isEqualTo("個人資料修改");
        assertThat(EcpaPages.accountMenu(driver())).containsSubsequence("個人功能", "個人資料修改", "修改密碼", "自然人憑證上傳");
        String page = driver().findElement(By.tagName("body")).getText();
        assertThat(page).doesNotContain("發生錯誤", "非預期的錯誤", "Something went wrong");
        // The user profile's names are the theme's texts, not message keys (${ecpa.customAccount} and the like).
        assertThat(page).contains("自訂帳號", "身分證字號", "人事資料").doesNotContain("ecpa.");

        assertThat(officeAccess()).isEqualTo("none");
        assertThat(shown("ecpa-menu-office-item")).as("【權限與兼辦管理】 for a civil servant").isFalse();
        assertThat(shown("ecpa-office-advice")).isFalse();
    }

    @Test
    void theCertificateUploadItemShowsTheBoundCardsUnderTheGuidesName() {
        TestPeople.Person person = people.withAccount(TestPeople.freshAccount("it.myarea."));
        person.givePassword(PASSWORD);
        logInToMyArea(person.nationalId(), PASSWORD);

        driver().findElements(By.cssSelector("nav.pf-v5-c-nav a.pf-v5-c-nav__link")).stream()
                .filter(link -> link.getText().strip().equals("自然人憑證上傳")).findFirst().orElseThrow().click();

        new WebDriverWait(driver(), Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.cssSelector("[data-testid='ecpa-certificate/title']")).isEmpty());
        assertThat(driver().getCurrentUrl()).endsWith("/account/account-security/certificate-upload");
        assertThat(pages.text(By.cssSelector("[data-testid='page-heading']"))).isEqualTo("修改密碼及自然人憑證上傳");
        assertThat(pages.text(By.cssSelector("[data-testid='ecpa-certificate/title']"))).isEqualTo("自然人憑證");
        assertThat(pages.text(By.id("passwordless-categ-title"))).isEqualTo("自然人憑證上傳");
        assertThat(pages.text(By.id("basic-authentication-categ-title"))).isEqualTo("修改密碼");
    }

    @Test
    void theChiefFollowsThePersonnelOfficeIntoTheConsoleInTheSameHeader() {
        String name = logInAsDemoUser(PersonnelResetIT.CHIEF);

        assertThat(officeAccess()).isEqualTo("open");
        WebElement office = driver().findElement(By.id("ecpa-menu-office"));
        assertThat(office.isDisplayed()).as("【權限與兼辦管理】 for the personnel chief").isTrue();
        assertThat(office.getText().strip()).isEqualTo("權限與兼辦管理");
        assertThat(shown("ecpa-office-advice")).isFalse();

        pages.follow(By.id("ecpa-menu-office"));
        new WebDriverWait(driver(), Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.getCurrentUrl().endsWith("/ecpa-personnel/console")
                && !d.findElement(By.id("who")).getText().isBlank());
        pages.waitForTheChrome();

        assertThat(pages.text(By.id("ecpa-portal-title"))).isEqualTo("行政院人事行政總處 人事服務網");
        assertThat(pages.text(By.id("ecpa-today"))).isEqualTo(RocDate.display(LocalDate.now(ZoneId.of("Asia/Taipei"))));
        // The console writes the person line itself (from the personnel API: the agency it acts for), once.
        assertThat(pages.text(By.cssSelector("#ecpa-portal-header #who"))).isEqualTo(name + "@示範部 (帳號登入)");
        assertThat(driver().findElements(By.id("ecpa-person"))).as("no second person line").isEmpty();
        assertThat(pages.text(By.id("ecpa-menu-office-current"))).isEqualTo("權限與兼辦管理");
        assertThat(pages.text(By.id("logout"))).isEqualTo("登出");
        assertThat(pages.text(By.id("menu-reset"))).isEqualTo("重設員工密碼");
        assertThat(driver().findElement(By.id("ecpa-menu-home")).getAttribute("href")).endsWith("/realms/" + REALM + "/account/");
    }

    @Test
    void theHelpDeskSeesThePersonnelOffice() {
        logInAsDemoUser(HELP_DESK);

        assertThat(officeAccess()).isEqualTo("open");
        assertThat(shown("ecpa-menu-office-item")).as("【權限與兼辦管理】 for the help desk").isTrue();
    }

    @Test
    void anOfficerWithoutTheGrantIsToldThatThePersonnelChiefGrantsIt() {
        logInAsDemoUser(PersonnelResetIT.OTHER_OFFICER);

        assertThat(officeAccess()).isEqualTo("ask-the-chief");
        assertThat(shown("ecpa-menu-office-item")).as("no 【權限與兼辦管理】 without the grant").isFalse();
        WebElement advice = driver().findElement(By.id("ecpa-office-advice"));
        assertThat(advice.isDisplayed()).isTrue();
        assertThat(advice.getText().strip()).isEqualTo(EcpaPages.messageIn("zh-Hant", "ecpa.chrome.office.askTheChief"))
                .contains("人事主管", "機關憑證");
    }

    @Test
    void logoutEndsTheSessionAndTheNextPageIsTheHomePage() {
        TestPeople.Person person = people.withAccount(TestPeople.freshAccount("it.myarea."));
        person.givePassword(PASSWORD);
        logInToMyArea(person.nationalId(), PASSWORD);
        assertThat(person.admin().getUserSessions()).as("signed in").isNotEmpty();

        pages.follow(By.id("ecpa-menu-logout"));
        // Keycloak asks to confirm a logout that comes without the console's ID token (its guard against a
        // logout forced by another site), on a page of the ecpa login theme.
        pages.waitFor(By.id("kc-logout"));
        assertThat(driver().findElements(By.id("ecpa-portal-header"))).isNotEmpty();
        pages.follow(By.id("kc-logout"));

        pages.waitFor(EcpaPages.HOME);
        assertThat(driver().findElements(By.id("ecpa-certificate-login-button"))).as("the home page's 憑證登入").isNotEmpty();
        assertThat(person.admin().getUserSessions()).as("no session left").isEmpty();
    }
}

package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.util.JsonSerialization;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tw.ecpa.keycloak.core.RocDate;

/** The portal chrome every login page wears: header, ROC date, menu, visitor figures, IP, who is signed in. */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class PortalChromeIT extends EcpaIntegrationTest {

    private static final String PASSWORD = "Chrome-pass-2024";
    private static final String MARKUP_LAST = "<b>";
    private static final String MARKUP_FIRST = "<script>alert(1)</script>";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @InjectWebDriver
    ManagedWebDriver browser;

    private final List<String> importedIds = new ArrayList<>();
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
        importedIds.forEach(id -> realm.admin().users().delete(id).close());
        importedIds.clear();
    }

    @Test
    void theHomePageShowsTheHeaderTheRocDateTheMenuTheNoticeTheFiguresAndTheIp() {
        pages.openAccountConsole();
        pages.showInTraditionalChinese();
        pages.waitForTheChrome();

        assertThat(pages.text(By.id("ecpa-portal-title"))).isEqualTo("行政院人事行政總處 人事服務網");
        assertThat(pages.text(By.id("ecpa-today"))).isEqualTo(RocDate.display(LocalDate.now(ZoneId.of("Asia/Taipei"))));
        assertThat(browser.driver().findElements(By.cssSelector("#ecpa-menu li")).stream().map(WebElement::getText).map(String::strip))
                .containsExactly("首頁", "最新公告", "主題投票", "機關組織");
        assertThat(browser.driver().findElement(By.id("ecpa-menu-home")).getAttribute("href")).contains("/realms/" + REALM + "/");
        assertThat(pages.text(By.id("ecpa-privacy-notice"))).isEqualTo(pages.message("ecpa.home.privacyNotice"));
        assertThat(pages.text(By.id("ecpa-client-ip"))).matches("[0-9a-fA-F.:]+");
        for (String figure : List.of("ecpa-online-now", "ecpa-visits-today", "ecpa-visits-total")) {
            assertThat(pages.text(By.id(figure))).as(figure).matches("\\d+");
        }
        assertThat(browser.driver().findElement(By.id("ecpa-person")).isDisplayed()).as("nobody is identified yet").isFalse();
    }

    @Test
    void theTabNamesThePageThenThePortalOnceAndTheEnglishPageKeepsItsApostrophes() {
        pages.openAccountConsole();
        pages.showInTraditionalChinese();
        assertThat(browser.driver().getTitle()).isEqualTo("登入 | 行政院人事行政總處 人事服務網");
        assertThat(pages.text(By.id("kc-page-title"))).as("the heading under the portal title").isEqualTo("登入");

        pages.showInEnglish();
        assertThat(browser.driver().getTitle()).isEqualTo("Log in | " + pages.message("ecpa.chrome.title"));
        assertThat(pages.text(By.id("ecpa-certificate-requirements"))).contains("MOICA's cross-platform web component");
    }

    @Test
    void theHomePageIsUsableByKeyboardWithLabelledFieldsAndAVisibleFocus() {
        pages.openAccountConsole();
        WebDriver driver = browser.driver();

        for (WebElement field : driver.findElements(By.cssSelector("input:not([type=hidden]), select"))) {
            String id = field.getAttribute("id");
            String ariaLabel = field.getAttribute("aria-label");
            boolean labelled = !driver.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty()
                    || ariaLabel != null && !ariaLabel.isBlank();
            assertThat(labelled).as("a label for #%s", id).isTrue();
        }

        List<String> reached = new ArrayList<>();
        // From the top of the page: the skip link is the first stop.
        ((JavascriptExecutor) driver).executeScript("document.querySelector('.ecpa-skip-link').focus()");
        for (int step = 0; step < 25 && !reached.contains("ecpa-certificate-login-button"); step++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            reached.add(focused.getAttribute("id"));
            assertThat(focused.getCssValue("outline-style")).as("the focus on #%s is visible", focused.getAttribute("id")).isNotEqualTo("none");
        }
        assertThat(reached).as("the tab order").containsSubsequence("ecpa-menu-home", "username", "password", "kc-login", "ecpa-pin", "ecpa-certificate-login-button");
    }

    @Test
    void aLoginAddsAVisitToTodayAndTheTotalAndAnActiveSession() throws Exception {
        Map<String, Object> before = chrome();
        String account = TestPeople.freshAccount("it.chrome.");
        people.withAccount(account).givePassword(PASSWORD);

        pages.openAccountConsole();
        pages.logIn(account, PASSWORD);
        pages.waitForAccountConsole();
        Map<String, Object> after = chrome();

        long today = number(after, "today") - number(before, "today");
        long total = number(after, "total") - number(before, "total");
        assertThat(today).as("today's visits").isPositive();
        assertThat(total).as("a visit today is a visit in total").isEqualTo(today);
        assertThat(number(onlineNowOnceCountedAgain(before), "onlineNow")).as("online now").isGreaterThan(number(before, "onlineNow"));
    }

    /**
     * The header's data once the node has counted the sessions again: it reuses its count for the
     * configured interval (one second in the suite), so the figure of {@code before} may still be served
     * for a moment; waits for a change, at most 15 seconds.
     */
    private Map<String, Object> onlineNowOnceCountedAgain(Map<String, Object> before) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Map<String, Object> now = chrome();
        while (number(now, "onlineNow") == number(before, "onlineNow") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            now = chrome();
        }
        return now;
    }

    @Test
    void anIdentifiedPersonSeesNameAgencyAndLoginMethodOnTheSetupPages() {
        assertThat(personLineOnThePersonalDataPage(people.newcomer())).isEqualTo("整合測試@示範部 (帳號登入)");
    }

    @Test
    void aGroupOutsideTheAgenciesNamesNoAgencyEvenWithTheAgencysCode() {
        String strayCode = "Z9" + TestPeople.newNationalId().substring(2);
        GroupRepresentation stray = new GroupRepresentation();
        stray.setName("it-not-an-agency-" + strayCode);
        stray.setAttributes(Map.of("agencyCode", List.of(strayCode)));
        String strayId;
        try (Response response = realm.admin().groups().add(stray)) {
            assertThat(response.getStatus()).as("the stray group").isEqualTo(201);
            String path = response.getLocation().getPath();
            strayId = path.substring(path.lastIndexOf('/') + 1);
        }
        try {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(TestPeople.placeholder());
            user.setFirstName("測試");
            user.setLastName("整合");
            assertThat(personLineOnThePersonalDataPage(people.create(user, "serving", strayCode)))
                    .as("an agency code no agency under /agencies has is shown as the code")
                    .isEqualTo("整合測試@" + strayCode + " (帳號登入)");
        } finally {
            realm.admin().groups().group(strayId).remove();
        }
    }

    @Test
    void aNameWithMarkupIsShownAsText() {
        assertThat(personLineOnThePersonalDataPage(importedWithMarkupInTheName())).isEqualTo(MARKUP_FIRST + " " + MARKUP_LAST + "@示範部 (帳號登入)");
        assertThat(browser.driver().findElements(By.cssSelector("#ecpa-person *"))).as("no element made from the name").isEmpty();
        assertThat(browser.driver().findElements(By.xpath("//script[contains(., 'alert(1)')]"))).isEmpty();
    }

    @Test
    void aNameWithMarkupIsTextInThePersonnelConsolesSearchResult() {
        TestPeople.Person person = importedWithMarkupInTheName();
        WebDriver driver = browser.driver();
        String password = DemoUsers.givePassword(userByNationalId(PersonnelResetIT.CHIEF));
        driver.navigate().to(realm.getBaseUrl() + "/ecpa-personnel/console");
        pages.logIn(userByNationalId(PersonnelResetIT.CHIEF).toRepresentation().getUsername(), password);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(d -> d.getCurrentUrl().endsWith("/ecpa-personnel/console") && !d.findElement(By.id("who")).getText().isBlank());

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nationalId"))).sendKeys(person.nationalId());
        driver.findElement(By.id("search")).click();
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("person-name")));

        assertThat(name.getText()).contains(MARKUP_FIRST);
        assertThat(driver.findElements(By.cssSelector("#person-name *"))).as("no element made from the name").isEmpty();
        assertThat(driver.findElements(By.xpath("//script[contains(., 'alert(1)')]"))).isEmpty();
    }

    @Test
    void theUserProfileAlreadyRefusesMarkupInANameTypedByAnAdministrator() {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(TestPeople.placeholder());
        user.setFirstName(MARKUP_FIRST);

        assertThatThrownBy(() -> people.create(user, "serving", "X10000000A"))
                .hasMessageContaining("error-person-name-invalid-character");
    }

    /**
     * A person whose record came in with markup in the name. The admin API's user profile refuses such a
     * name, but a record imported from the personnel database (partial import, as the realm import) is
     * not checked, so the pages must not trust it.
     */
    private TestPeople.Person importedWithMarkupInTheName() {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(TestPeople.placeholder());
        user.setLastName(MARKUP_LAST);
        user.setFirstName(MARKUP_FIRST);
        user.setEnabled(true);
        String nationalId = TestPeople.newNationalId();
        user.setAttributes(Map.of("nationalId", List.of(nationalId), "employmentStatus", List.of("serving"),
                "agencyCode", List.of("X10000000A"), "birthDate", List.of(TestPeople.BIRTH_DATE)));
        PartialImportRepresentation imported = new PartialImportRepresentation();
        imported.setIfResourceExists(PartialImportRepresentation.Policy.FAIL.name());
        imported.setUsers(List.of(user));
        try (Response response = realm.admin().partialImport(imported)) {
            assertThat(response.getStatus()).as("partial import").isEqualTo(200);
        }
        String id = realm.admin().users().searchByUsername(user.getUsername(), true).get(0).getId();
        importedIds.add(id);
        return new TestPeople.Person(id, nationalId, realm.admin().users().get(id));
    }

    /** The person, given a password, logs in by national ID in zh-Hant; the person line of the 個人資料 page that follows. */
    private String personLineOnThePersonalDataPage(TestPeople.Person person) {
        person.givePassword(PASSWORD);
        pages.openAccountConsole();
        pages.showInTraditionalChinese();
        pages.logIn(person.nationalId(), PASSWORD);
        pages.waitFor(EcpaPages.PERSONAL_DATA);
        pages.waitForTheChrome();
        return personLine();
    }

    /** The person line as shown; an empty line says what the page asked the server, for the failure message. */
    private String personLine() {
        WebElement line = browser.driver().findElement(By.id("ecpa-person"));
        assertThat(line.isDisplayed()).as("the person line, in %s", browser.driver().findElement(By.id("ecpa-chrome")).getAttribute("outerHTML"))
                .isTrue();
        return line.getText().strip();
    }

    /** The header's data as any page asks for it, without cookies: nobody identified. */
    private Map<String, Object> chrome() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/ecpa-portal/chrome")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> chrome = JsonSerialization.readValue(response.body(), Map.class);
        assertThat(chrome).doesNotContainKey("person");
        return chrome;
    }

    private static long number(Map<String, Object> chrome, String key) {
        return ((Number) chrome.get(key)).longValue();
    }
}

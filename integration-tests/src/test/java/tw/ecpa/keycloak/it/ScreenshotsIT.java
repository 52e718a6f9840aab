package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tw.ecpa.keycloak.dev.card.VirtualCardReader;
import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;

/**
 * Every page a civil servant meets, rendered in headless Chromium in zh-Hant and written as a PNG under
 * {@code target/screenshots/}: the home page, the certificate errors, binding, verification failed,
 * the setup pages (操作成功 after the password included), Keycloak's error page, 我的專區 (a civil
 * servant's, the personnel chief's with 【權限與兼辦管理】), the personnel console and the reset letter.
 * Each shot first waits for what makes the page that page, so a screenshot is never of the wrong page.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class ScreenshotsIT extends EcpaIntegrationTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "Shots-pass-2024";
    private static final String DAMING_ID = "A123456789";
    private static final String DAMING_CARD = "citizen-daming.wang";

    @InjectWebDriver
    ManagedWebDriver browser;

    private BrowserFormsSettings settings;
    private TestPeople people;
    private ResetTargets targets;
    private EcpaPages pages;

    @BeforeEach
    void pointTheRealmAtTheCardWorld(CardWorld world) throws IOException {
        settings = new BrowserFormsSettings(realm.admin(), realmAdminApi());
        settings.certificates(CertificateConfiguration.trusting(world.pki(), world.readerUrl().toString())
                .with(CertificateConfiguration.REVOCATION_MODE, "CRL"));
        settings.set("ecpa-certificate-binding", Map.of(
                "ecpa.holder.verifiers", "certificate-suffix##http",
                "ecpa.holder.http.url", world.holderCheckUrl().toString()));
        people = new TestPeople(realm.admin());
        targets = new ResetTargets(realm.admin());
        pages = new EcpaPages(browser.driver(), realm.getBaseUrl());
        pages.forgetSession();
        browser.driver().manage().window().setSize(new Dimension(1280, 1100));
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void restore(CardWorld world) {
        settings.close();
        world.reader().reset();
        people.close();
        targets.close();
    }

    @Test
    void theHomePage() throws IOException {
        openHomeInChinese();
        assertThat(browser.driver().findElements(By.id("ecpa-certificate-form"))).as("both boxes").isNotEmpty();
        shoot("home");
    }

    @Test
    void eachCertificateError(CardWorld world) throws IOException {
        VirtualCardReader reader = world.reader();
        record Case(String name, String messageKey, Consumer<VirtualCardReader> setUp, String pin) {
        }
        List<Case> cases = List.of(
                new Case("wrong-pin", "ecpa.card.wrongPin", r -> r.insert(DAMING_CARD), "000000"),
                new Case("no-card", "ecpa.card.noCard", VirtualCardReader::remove, "123456"),
                new Case("no-reader", "ecpa.card.noReader", r -> r.setReaderConnected(false), "123456"),
                new Case("locked", "ecpa.card.locked", r -> {
                    r.insert(DAMING_CARD);
                    r.lock(DAMING_CARD);
                }, "123456"),
                new Case("expired", "ecpa.certificate.expired", r -> r.insert("variant-expired"), "123456"),
                new Case("not-yet-valid", "ecpa.certificate.notYetValid", r -> r.insert("variant-not-yet-valid"), "123456"),
                new Case("revoked", "ecpa.certificate.revoked", r -> r.insert("variant-revoked"), "123456"),
                new Case("untrusted-issuer", "ecpa.certificate.untrusted", r -> r.insert("variant-untrusted-issuer"), "123456"),
                new Case("wrong-key-usage", "ecpa.certificate.keyUsage", r -> r.insert("variant-wrong-key-usage"), "123456"),
                new Case("wrong-policy", "ecpa.certificate.policy", r -> r.insert("variant-wrong-policy"), "123456"));
        for (Case shot : cases) {
            reader.reset();
            shot.setUp().accept(reader);
            pages.forgetSession();
            openHomeInChinese();
            // The first wrong PIN leaves 2 tries; the locked card's message holds the unblocking links.
            String expected = EcpaPages.visibleText(pages.message(shot.messageKey(), 2));
            logInWithCard(shot.pin());
            waitUntil(d -> d.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ").contains(expected),
                    "the message " + shot.messageKey());
            pages.waitForTheChrome();
            shoot("certificate-" + shot.name());
        }
    }

    @Test
    void bindingAndVerificationFailed(CardWorld world) throws IOException {
        world.reader().insert(DAMING_CARD);
        openHomeInChinese();
        logInWithCard(world.catalogue().get(DAMING_CARD).pin());
        pages.waitFor(By.id("ecpa-binding-form"));
        pages.waitForTheChrome();
        shoot("binding");

        // Someone else's national ID: the card's holder check says it is not the same person.
        pages.bind("S223456660");
        pages.waitFor(By.id("ecpa-verification-failed"));
        assertThat(browser.driver().findElements(By.id("ecpa-back"))).isNotEmpty();
        assertThat(browser.driver().findElements(By.id("ecpa-home"))).isNotEmpty();
        pages.waitForTheChrome();
        shoot("verification-failed");

        pages.follow(By.id("ecpa-back"));
        pages.waitFor(By.id("ecpa-binding-form"));
        String notFound = pages.message("ecpa.binding.notInPersonnelDatabase");
        pages.bind(TestPeople.newNationalId());
        waitUntil(d -> d.getPageSource().contains(notFound), "not in the personnel database");
        shoot("binding-not-in-personnel-database");
    }

    @Test
    void theCardExpiryNotice(CardWorld world) throws IOException {
        // 王大明 with a password already, binding his only card, which ends in 20 days: the notice comes next.
        org.keycloak.admin.client.resource.UserResource daming = userByNationalId(DAMING_ID);
        DemoUsers.givePassword(daming);
        try {
            world.reader().insert("variant-expiring-soon");
            openHomeInChinese();
            logInWithCard(world.catalogue().get("variant-expiring-soon").pin());
            pages.waitFor(By.id("ecpa-binding-form"));
            pages.bind(DAMING_ID);
            pages.waitFor(By.id("ecpa-card-expiry-form"));
            assertThat(pages.text(By.id("ecpa-card-expiry-renew"))).isEqualTo(pages.message("ecpa.cardExpiry.renew"));
            pages.waitForTheChrome();
            shoot("card-expiry");
        } finally {
            // The notice's mark names this binding, so it says nothing about the next one.
            DemoUsers.forgetCardLogins(daming);
        }
    }

    @Test
    void theSetupPages() throws IOException {
        TestPeople.Person newcomer = people.newcomer();
        newcomer.givePassword(PASSWORD);
        openHomeInChinese();
        pages.logIn(newcomer.nationalId(), PASSWORD);
        pages.waitFor(EcpaPages.PERSONAL_DATA);
        pages.waitForTheChrome();
        shoot("personal-data");

        TestPeople.Person changing = people.withAccount(TestPeople.freshAccount("it.shots."));
        changing.givePassword(PASSWORD);
        UserRepresentation user = changing.admin().toRepresentation();
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        changing.admin().update(user);
        pages.forgetSession();
        openHomeInChinese();
        pages.logIn(changing.nationalId(), PASSWORD);
        pages.waitFor(EcpaPages.UPDATE_PASSWORD);
        pages.waitForTheChrome();
        shoot("update-password");
        pages.fillNewPassword("Shots-saved-42x", "Shots-saved-42x");
        pages.waitFor(EcpaPages.PASSWORD_SAVED);
        assertThat(pages.feedback()).isEqualTo(pages.message("ecpa.password.saved"));
        shoot("password-saved");

        TestPeople.Person reset = people.withAccount(TestPeople.freshAccount("it.shots."));
        reset.resetByOfficer(PASSWORD);
        pages.forgetSession();
        openHomeInChinese();
        pages.logIn(reset.nationalId(), PASSWORD);
        pages.waitFor(EcpaPages.BIRTHDAY_PASSWORD);
        pages.waitForTheChrome();
        shoot("birthday-password");
    }

    @Test
    void keycloaksErrorPageWithBackAndHome() throws IOException {
        openHomeInChinese();
        browser.driver().navigate().to(realm.getBaseUrl()
                + "/protocol/openid-connect/auth?client_id=no-such-client&response_type=code&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2F");
        pages.waitFor(By.id("kc-error-message"));
        assertThat(pages.text(By.id("ecpa-back"))).isEqualTo("上一步");
        assertThat(pages.text(By.id("ecpa-home"))).isEqualTo("回首頁");
        pages.waitForTheChrome();
        shoot("error");

        pages.follow(By.id("ecpa-home"));
        pages.waitFor(EcpaPages.HOME);
    }

    @Test
    void myAreaAndThePersonnelOfficeInThePortalHeader() throws IOException {
        TestPeople.Person civilServant = people.withAccount(TestPeople.freshAccount("it.shots."));
        civilServant.givePassword(PASSWORD);
        openHomeInChinese();
        pages.logIn(civilServant.nationalId(), PASSWORD);
        pages.waitForAccountConsole();
        pages.waitForTheChrome();
        shoot("my-area");

        String chiefPassword = DemoUsers.givePassword(userByNationalId(PersonnelResetIT.CHIEF));
        pages.forgetSession();
        openHomeInChinese();
        pages.logIn(PersonnelResetIT.CHIEF, chiefPassword);
        pages.waitForAccountConsole();
        pages.waitForTheChrome();
        waitUntil(d -> d.findElement(By.id("ecpa-menu-office")).isDisplayed(), "【權限與兼辦管理】 in the header");
        shoot("my-area-personnel-chief");

        browser.driver().findElement(By.id("ecpa-menu-office")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/ecpa-personnel/console") && !d.findElement(By.id("who")).getText().isBlank(),
                "the personnel console with the person in its header");
        pages.waitForTheChrome();
        visible("nationalId");
        shoot("console");
    }

    @Test
    void theConsoleItsConfirmationAndTheLetter() throws IOException {
        ResetTargets.Target person = targets.serving(PersonnelResetIT.MINISTRY);
        String password = DemoUsers.givePassword(userByNationalId(PersonnelResetIT.CHIEF));
        WebDriver driver = browser.driver();
        driver.navigate().to(realm.getBaseUrl() + "/ecpa-personnel/console");
        pages.logIn(userByNationalId(PersonnelResetIT.CHIEF).toRepresentation().getUsername(), password);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/ecpa-personnel/console")
                && !d.findElement(By.id("who")).getText().isBlank());

        visible("nationalId").sendKeys(person.nationalId());
        driver.findElement(By.id("search")).click();
        visible("person-id");
        shoot("console-search");

        driver.findElement(By.id("reset-password")).click();
        visible("confirm-dialog");
        shoot("console-confirmation");

        driver.findElement(By.id("confirm-ok")).click();
        visible("result");
        shoot("console-result");

        ResetMails.Letter letter = ResetMails.onlyTo(mail, person.email());
        assertThat(letter.html()).as("the letter in html").isNotBlank();
        driver.navigate().to("data:text/html;charset=utf-8;base64,"
                + Base64.getEncoder().encodeToString(letter.html().getBytes(StandardCharsets.UTF_8)));
        waitUntil(d -> !d.findElement(By.tagName("body")).getText().isBlank(), "the letter");
        shoot("email-reset");
    }

    private void openHomeInChinese() {
        pages.openAccountConsole();
        pages.showInTraditionalChinese();
        pages.waitFor(EcpaPages.HOME);
        pages.waitForTheChrome();
    }

    /** Like {@link EcpaPages#logInWithCard}, without registering the shots' wrong PINs as run secrets. */
    private void logInWithCard(String pin) {
        browser.driver().findElement(By.id("ecpa-pin")).sendKeys(pin);
        pages.follow(By.id("ecpa-certificate-login-button"));
    }

    private void waitUntil(java.util.function.Function<WebDriver, Boolean> condition, String what) {
        try {
            // a page being replaced between finding an element and reading it: look again
            new WebDriverWait(browser.driver(), Duration.ofSeconds(25)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected " + what + " but the browser is at " + pages.describe(), e);
        }
    }

    private org.openqa.selenium.WebElement visible(String id) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void shoot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }
}

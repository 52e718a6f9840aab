package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;

/**
 * 憑證登入 in headless Chromium through the real popup protocol: the ECPA home page's script opens the
 * virtual card reader's /popupForm, answers its getTbs with the nonce and PIN, and posts the signed
 * answer; a first login then binds the card on the binding page. The realm's own browser flow is used,
 * its two certificate settings pointed at the card world for the test and restored after it.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class CertificatePopupIT extends EcpaIntegrationTest {

    private static final String DAMING_ID = "A123456789";

    @InjectWebDriver
    ManagedWebDriver browser;

    private BrowserFormsSettings settings;
    private EcpaPages pages;

    @BeforeEach
    void pointTheRealmsCertificateStepsAtTheCardWorld(CardWorld world) {
        settings = new BrowserFormsSettings(realm.admin(), realmAdminApi());
        settings.certificates(CertificateConfiguration.trusting(world.pki(), world.readerUrl().toString()));
        settings.set("ecpa-certificate-binding", Map.of(
                "ecpa.holder.verifiers", "certificate-suffix##http",
                "ecpa.holder.http.url", world.holderCheckUrl().toString()));
        pages = new EcpaPages(browser.driver(), realm.getBaseUrl());
        pages.forgetSession();
    }

    @AfterEach
    void restoreTheRealmAndUnbind() {
        settings.close();
        DemoUsers.forgetCardLogins(userByNationalId(DAMING_ID));
    }

    @Test
    void aFirstCertificateLoginThroughThePopupBindsTheCardToThePerson(CardWorld world) {
        world.reader().insert("citizen-daming.wang");
        WebDriver driver = browser.driver();
        driver.navigate().to(realm.getBaseUrl() + "/account");
        waitFor(driver, By.id("ecpa-pin"));

        pages.logInWithCard(world.catalogue().get("citizen-daming.wang").pin());
        pages.waitFor(EcpaPages.BINDING);
        String parent = driver.getWindowHandle();
        assertThat(driver.getWindowHandles()).containsExactly(parent);

        pages.bind(DAMING_ID);

        assertThat(userByNationalId(DAMING_ID).credentials()).anyMatch(c -> "ecpa-certificate".equals(c.getType()));
        assertThat(pages.isShowing(EcpaPages.UPDATE_PASSWORD)).as("王大明 has no password yet: the first login sets it").isTrue();
    }

    @Test
    void aWrongPinThroughThePopupShowsTheGuidesWarningOnTheHomePage(CardWorld world) {
        world.reader().insert("citizen-daming.wang");
        WebDriver driver = browser.driver();
        driver.navigate().to(realm.getBaseUrl() + "/account");
        waitFor(driver, By.id("ecpa-pin"));

        // Read in the page's language before the page starts changing under the popup.
        String wrongPin = pages.message("ecpa.card.wrongPin", 2);
        driver.findElement(By.id("ecpa-pin")).sendKeys("000000");
        driver.findElement(By.id("ecpa-certificate-login-button")).click();

        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getPageSource().contains(wrongPin));
        assertThat(driver.findElements(By.id("kc-form-login"))).as("the home page with both boxes").isNotEmpty();
    }

    private static void waitFor(WebDriver driver, By element) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(element).isEmpty());
    }
}

package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tw.ecpa.keycloak.core.NationalIdMask;

/** The personnel console in the browser, as the guide's screenshots walk through it. */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class PersonnelConsoleIT extends EcpaIntegrationTest {

    @InjectWebDriver
    ManagedWebDriver browser;

    private ResetTargets targets;
    private EcpaPages pages;

    @BeforeEach
    void freshBrowser() {
        targets = new ResetTargets(realm.admin());
        pages = new EcpaPages(browser.driver(), realm.getBaseUrl());
        pages.forgetSession();
    }

    @AfterEach
    void cleanUp() {
        targets.close();
    }

    private WebDriver driver() {
        return browser.driver();
    }

    private void signIn(String nationalId) {
        var user = userByNationalId(nationalId);
        String password = DemoUsers.givePassword(user);
        driver().navigate().to(realm.getBaseUrl() + "/ecpa-personnel/console");
        pages.logIn(user.toRepresentation().getUsername(), password);
        new WebDriverWait(driver(), Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.getCurrentUrl().endsWith("/ecpa-personnel/console")
                && !d.findElement(By.id("who")).getText().isBlank());
    }

    private WebElement visible(String id) {
        return new WebDriverWait(driver(), Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void searchAndAskForReset(ResetTargets.Target person, String email) {
        visible("nationalId").sendKeys(person.nationalId());
        driver().findElement(By.id("search")).click();
        assertThat(visible("person-id").getText()).isEqualTo(NationalIdMask.mask(person.nationalId()));
        WebElement emailField = driver().findElement(By.id("email"));
        assertThat(emailField.getAttribute("value")).as("the e-mail on file").isEqualTo(person.email());
        emailField.clear();
        emailField.sendKeys(email);
        driver().findElement(By.id("reset-password")).click();
        visible("confirm-dialog");
        assertThat(driver().findElement(By.id("confirm-summary")).getText()).contains(email, NationalIdMask.mask(person.nationalId()));
    }

    @Test
    void theChiefSearchesResetsConfirmsAndThePersonGetsTheLetter() {
        ResetTargets.Target person = targets.serving(PersonnelResetIT.MINISTRY);
        signIn(PersonnelResetIT.CHIEF);

        assertThat(driver().findElement(By.id("who")).getText()).contains("王大明", "示範部");
        assertThat(driver().findElement(By.id("menu-reset")).getText()).isEqualTo("重設員工密碼");
        assertThat(driver().findElement(By.id("menu-officers-item")).isDisplayed()).as("the chief manages officers").isTrue();

        searchAndAskForReset(person, person.email());
        driver().findElement(By.id("confirm-ok")).click();

        WebElement result = visible("result");
        assertThat(result.getText()).contains("已重設", person.email());
        ResetMails.Letter letter = ResetMails.onlyTo(mail, person.email());
        assertThat(letter.text()).contains("王大明");
        assertThat(driver().getPageSource()).doesNotContain(letter.password());
        assertThat(person.representation().getRequiredActions()).containsExactly("ecpa-birthday-password");

        // The password leads into the first-login step that asks for the birthday.
        pages.forgetSession();
        pages.openAccountConsole();
        pages.logIn(person.nationalId(), letter.password());
        assertThat(pages.isShowing(EcpaPages.BIRTHDAY_PASSWORD)).as("the birthday step after the reset").isTrue();
    }

    @Test
    void cancelInTheDialogChangesNothing() {
        ResetTargets.Target person = targets.serving(PersonnelResetIT.MINISTRY);
        Long passwordDate = person.passwordCreatedDate();
        signIn(PersonnelResetIT.CHIEF);

        searchAndAskForReset(person, "other." + person.email());
        driver().findElement(By.id("confirm-cancel")).click();

        assertThat(visible("result").getText()).contains("已取消");
        assertThat(person.representation().getEmail()).isEqualTo(person.email());
        assertThat(person.representation().getRequiredActions()).isEmpty();
        assertThat(person.passwordCreatedDate()).isEqualTo(passwordDate);
        assertThat(ResetMails.to(mail, "other." + person.email())).isEmpty();
    }

    @Test
    void theChiefGrantsAnOfficerTheResetPermissionAndAConcurrentAgency() {
        var officer = userByNationalId(PersonnelResetIT.OFFICER);
        String officerId = officer.toRepresentation().getId();
        signIn(PersonnelResetIT.CHIEF);
        try {
            driver().findElement(By.id("menu-officers")).click();
            WebElement grant = visible("grant-" + officerId);
            if (!grant.isSelected()) {
                grant.click();
            }
            WebElement branch = driver().findElement(By.id("concurrent-" + officerId + "-" + PersonnelResetIT.SOUTHERN_BRANCH));
            if (!branch.isSelected()) {
                branch.click();
            }
            grant.findElement(By.xpath("ancestor::form//button[@type='submit']")).click();
            new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id("officers-status")).getText().contains("王小美"));

            var attributes = officer.toRepresentation().getAttributes();
            assertThat(attributes.get("ecpaResetGranted")).containsExactly("true");
            assertThat(attributes.get("ecpaConcurrentAgencies")).containsExactly(PersonnelResetIT.SOUTHERN_BRANCH);
        } finally {
            try (PersonnelApiClient api = new PersonnelApiClient(realm.getBaseUrl(), realm.admin())) {
                var chief = userByNationalId(PersonnelResetIT.CHIEF);
                String token = api.requireLogin(chief.toRepresentation().getUsername(), DemoUsers.givePassword(chief));
                api.grant(token, officerId, false, java.util.List.of());
            }
        }
    }

    @Test
    void anOfficerWithoutPermissionIsToldToUseTheAgencyCertificate() {
        signIn(PersonnelResetIT.OTHER_OFFICER);

        assertThat(visible("no-permission-advice").getText()).contains("機關憑證");
        assertThat(driver().findElement(By.id("reset")).isDisplayed()).isFalse();
    }

    @Test
    void aMissingEmailIsRefusedOnThePage() {
        ResetTargets.Target person = targets.serving(PersonnelResetIT.MINISTRY);
        signIn(PersonnelResetIT.CHIEF);

        visible("nationalId").sendKeys(person.nationalId());
        driver().findElement(By.id("search")).click();
        visible("email").clear();
        driver().findElement(By.id("reset-password")).click();

        assertThat(visible("reset-error").getText()).isEqualTo("E-MAIL 為必填欄位。");
        assertThat(driver().findElement(By.id("email")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver().findElement(By.id("confirm-dialog")).isDisplayed()).isFalse();
    }
}

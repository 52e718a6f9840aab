package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The personnel console's Content-Security-Policy reaches the browser (security issue, item 9, T15).
 * Before: the page set a strict policy, and Keycloak's security-headers filter replaced it with the
 * realm's login-page policy, which has no {@code script-src}: an injected inline script would have run.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class ConsoleCspSecurityIT extends EcpaIntegrationTest {

    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @InjectWebDriver
    ManagedWebDriver browser;

    private EcpaPages pages;

    @BeforeEach
    void freshBrowser() {
        pages = new EcpaPages(browser.driver(), realm.getBaseUrl());
        pages.forgetSession();
    }

    @Test
    void theConsolePageArrivesWithExactlyOneStrictPolicyAndNoFraming() throws IOException, InterruptedException {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/ecpa-personnel/console")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Content-Security-Policy")).as("the policy the browser gets").containsExactly(CONSOLE_POLICY);
        assertThat(page.headers().allValues("Content-Security-Policy-Report-Only")).isEmpty();
        assertThat(page.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(page.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(page.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(page.body()).contains("<script src=\"console.js\"");
    }

    @Test
    void theSignedInConsoleRunsItsOwnScriptButNoInjectedInlineScript() {
        var chief = userByNationalId(PersonnelResetIT.CHIEF);
        String password = DemoUsers.givePassword(chief);
        browser.driver().navigate().to(realm.getBaseUrl() + "/ecpa-personnel/console");
        pages.logIn(chief.toRepresentation().getUsername(), password);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.getCurrentUrl().endsWith("/ecpa-personnel/console")
                && !d.findElement(By.id("who")).getText().isBlank());

        assertThat(browser.driver().findElement(By.id("who")).getText()).as("console.js ran: it shows who is signed in").contains("王大明");
        Object ran = ((JavascriptExecutor) browser.driver()).executeScript(
                "const s = document.createElement('script'); s.textContent = 'window.ecpaInjected = true;';"
                        + " document.head.appendChild(s); return window.ecpaInjected === true;");
        assertThat(ran).as("an inline script added to the page runs").isEqualTo(false);
    }
}

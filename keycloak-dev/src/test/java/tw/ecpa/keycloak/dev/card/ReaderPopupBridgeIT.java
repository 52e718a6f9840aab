package tw.ecpa.keycloak.dev.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.dev.pki.DemoCard;
import tw.ecpa.keycloak.dev.pki.TestAuthority;

/**
 * The popup bridge in Debian's headless Chromium: a page opens the real {@code /popupForm} from a click
 * and gets a signature only when its origin is on the reader's allow-list.
 */
@ExtendWith(CardWorldExtension.class)
class ReaderPopupBridgeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** How long a refused page is watched for an answer that must never come. */
    private static final Duration SILENCE = Duration.ofSeconds(3);

    private static Path profile;
    private static OpenerSite allowedSite;
    private static OpenerSite foreignSite;
    private static WebDriver browser;
    private static String firstWindow;

    @BeforeAll
    static void startSitesAndBrowser() throws IOException {
        allowedSite = new OpenerSite();
        foreignSite = new OpenerSite();
        profile = Files.createTempDirectory("chromium-profile");
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile);
        // Quitting the driver also stops its service.
        browser = new ChromeDriver(driverService, options);
        firstWindow = browser.getWindowHandle();
    }

    @AfterAll
    static void stopSitesAndBrowser() throws IOException {
        browser.quit();
        allowedSite.close();
        foreignSite.close();
        try (Stream<Path> entries = Files.walk(profile)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        }
    }

    /** Closes any popup a test left open. */
    @AfterEach
    void closePopups() {
        for (String handle : browser.getWindowHandles()) {
            if (!handle.equals(firstWindow)) {
                browser.switchTo().window(handle).close();
            }
        }
        browser.switchTo().window(firstWindow);
    }

    @Test
    void anAllowedPageObtainsASignatureThroughThePopup(CardWorld world) throws Exception {
        world.reader().allowOrigin(allowedSite.origin());
        DemoCard card = world.catalogue().defaultCard();
        String nonce = ReaderSignTest.freshNonce();

        browser.get(allowedSite.page(world.readerUrl(), ReaderSignTest.signRequest(nonce, card.pin()), false).toString());
        browser.findElement(By.id("sign")).click();
        String answerText = new WebDriverWait(browser, PATIENCE).until(driver -> {
            String text = driver.findElement(By.id("result")).getText();
            return text.isEmpty() ? null : text;
        });

        JsonNode answer = new ObjectMapper().readTree(answerText);
        assertThat(answer.path("ret_code").asInt()).isZero();
        assertThat(answer.path("func").asText()).isEqualTo("sign");
        VerifiedSignature signature = VerifiedSignature.of(answer.path("signature").asText());
        assertThat(new String(signature.content(), StandardCharsets.UTF_8)).isEqualTo(nonce);
        signature.chainsTo(world.pki().trustAnchor(), List.of(world.pki().authority(TestAuthority.CITIZEN_CA).certificate()));
        assertThat(browser.findElement(By.id("log")).getText()).contains("getTbs");
        new WebDriverWait(browser, PATIENCE).until(driver -> driver.getWindowHandles().size() == 1);
    }

    @Test
    void aPageFromAnOriginNotAllowedGetsNothing(CardWorld world) throws Exception {
        DemoCard card = world.catalogue().defaultCard();
        // A wrong PIN: if the popup forwarded the request, the card's wrong-PIN count would show it.
        Map<String, Object> request = ReaderSignTest.signRequest(ReaderSignTest.freshNonce(), "999999");

        browser.get(foreignSite.page(world.readerUrl(), request, true).toString());
        browser.findElement(By.id("sign")).click();
        new WebDriverWait(browser, PATIENCE).until(driver -> driver.getWindowHandles().size() == 2);
        Thread.sleep(SILENCE.toMillis());

        assertThat(browser.findElement(By.id("result")).getText()).isEmpty();
        assertThat(browser.findElement(By.id("log")).getText()).doesNotContain(world.readerUrl().toString());
        assertThat(world.reader().cardState(card.id()).consecutiveWrongPins()).isZero();
        String popup = browser.getWindowHandles().stream().filter(handle -> !handle.equals(firstWindow)).findFirst().orElseThrow();
        browser.switchTo().window(popup);
        assertThat(browser.getCurrentUrl()).isEqualTo(world.readerUrl() + "/popupForm");
        assertThat(browser.findElement(By.id("status")).getText()).contains("Signing");
    }
}

package tw.ecpa.keycloak.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The login pages of the ecpa theme as a person uses them, and the texts they show. */
final class EcpaPages {

    static final By HOME = By.id("kc-form-login");
    static final By PERSONAL_DATA = By.id("ecpa-personal-data-form");
    static final By BIRTHDAY_PASSWORD = By.id("ecpa-birthday-password-form");
    static final By UPDATE_PASSWORD = By.id("kc-passwd-update-form");
    static final By PASSWORD_SAVED = By.id("ecpa-password-saved-form");
    static final By BINDING = By.id("ecpa-binding-form");

    private final WebDriver driver;
    private final String realmUrl;

    EcpaPages(WebDriver driver, String realmUrl) {
        this.driver = driver;
        this.realmUrl = realmUrl;
    }

    /** Forgets every cookie of the realm: a browser that has never logged in. */
    void forgetSession() {
        driver.navigate().to(realmUrl + "/.well-known/openid-configuration");
        driver.manage().deleteAllCookies();
    }

    /** Opens the account console, which starts a login. */
    void openAccountConsole() {
        driver.navigate().to(realmUrl + "/account");
        waitFor(HOME);
    }

    void logIn(String account, String password) {
        waitFor(HOME);
        WebElement field = driver.findElement(By.id("username"));
        field.clear();
        field.sendKeys(account);
        driver.findElement(By.id("password")).sendKeys(RunSecrets.password(password));
        submitAndWaitForTheNextPage(driver.findElement(By.id("kc-login")));
    }

    /** The home page's 憑證登入 box with the inserted card: the PIN, then 登入 (the page's script runs the popup). */
    void logInWithCard(String pin) {
        waitFor(HOME);
        driver.findElement(By.id("ecpa-pin")).sendKeys(RunSecrets.pin(pin));
        driver.findElement(By.id("ecpa-certificate-login-button")).click();
    }

    /** 下一步 on the binding page of a first card login, with the custom account or national ID. */
    void bind(String account) {
        waitFor(BINDING);
        type("account", account);
        submitAndWaitForTheNextPage(driver.findElement(By.id("ecpa-binding-next")));
    }

    void fillPersonalData(String account, String email, String phone, String egov) {
        waitFor(PERSONAL_DATA);
        type("username", account);
        type("email", email);
        type("phoneNumber", phone);
        if (egov != null) {
            driver.findElement(By.id("egovMessages-" + egov)).click();
        }
        submitAndWaitForTheNextPage(driver.findElement(By.id("kc-submit")));
    }

    void fillBirthdayAndPassword(String birthday, String password, String confirmation) {
        waitFor(BIRTHDAY_PASSWORD);
        RunSecrets.password(password);
        RunSecrets.password(confirmation);
        type("birthday", birthday);
        type("password-new", password);
        type("password-confirm", confirmation);
        submitAndWaitForTheNextPage(driver.findElement(By.id("kc-submit")));
    }

    void fillNewPassword(String password, String confirmation) {
        waitFor(UPDATE_PASSWORD);
        RunSecrets.password(password);
        RunSecrets.password(confirmation);
        type("password-new", password);
        type("password-confirm", confirmation);
        submitAndWaitForTheNextPage(driver.findElement(By.id("kc-submit")));
    }

    /** 繼續 on the 操作成功 page that follows a saved password. */
    void continueAfterPasswordSaved() {
        waitFor(PASSWORD_SAVED);
        submitAndWaitForTheNextPage(driver.findElement(By.id("kc-submit")));
    }

    /** A new password on Keycloak's password page, then 繼續 on 操作成功: how a first login ends. */
    void setPasswordAndContinue(String password) {
        fillNewPassword(password, password);
        continueAfterPasswordSaved();
    }

    private void type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        if (value != null && !value.isEmpty()) {
            field.sendKeys(value);
        }
    }

    /** Whether the page is one of ours, waiting for it. */
    boolean isShowing(By page) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(page).isEmpty());
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            System.err.println("expected " + page + " but the browser is at " + describe());
            return false;
        }
    }

    void waitFor(By page) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(page).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected " + page + " but the browser is at " + describe(), e);
        }
    }

    /** Where the browser is and what it shows, for a failure message. */
    String describe() {
        String body = driver.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst().orElse("");
        return driver.getCurrentUrl() + " [" + driver.getTitle() + "] " + body.substring(0, Math.min(600, body.length()));
    }

    /**
     * Submits with {@code button} and waits until the browser has left the page it was on: the next page
     * may have the same form (a refused password), and reading it before it arrives reads the old one.
     */
    private void submitAndWaitForTheNextPage(WebElement button) {
        button.click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(button));
        } catch (org.openqa.selenium.TimeoutException e) {
            // The browser kept the page (its own form validation refused the post): the caller reads it as it is.
        }
    }

    /** Waits until the login is over and the browser is at the account console. */
    void waitForAccountConsole() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
                String url = d.getCurrentUrl();
                return url.contains("/account") && !url.contains("login-actions") && !url.contains("openid-connect/auth")
                        && d.findElements(By.id("kc-form-login")).isEmpty();
            });
            // What a person sees: the account console's personal-info form, loaded from the account API, and
            // not its error page (a console whose API calls fail shows only 發生錯誤 / Something went wrong).
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("input#email, input[name='email']")).isEmpty()
                    || accountConsoleError(d));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected the account console but the browser is at " + describe(), e);
        }
        if (accountConsoleError(driver)) {
            throw new AssertionError("the account console shows its error page: " + describe());
        }
    }

    private static boolean accountConsoleError(WebDriver d) {
        String text = d.findElement(By.tagName("body")).getText();
        return text.contains("發生錯誤") || text.contains("Something went wrong") || text.contains("非預期的錯誤");
    }

    /** Every error the page shows, under fields or on top. */
    String errors() {
        return driver.findElements(By.cssSelector("[id^='input-error-']:not([id^='input-error-container-']), .kc-feedback-text")).stream()
                .map(WebElement::getText).map(String::strip).filter(t -> !t.isEmpty()).distinct()
                .collect(Collectors.joining(" | "));
    }

    /** The message Keycloak shows on top of the page (success, info, warning or error), or "". */
    String feedback() {
        return driver.findElements(By.cssSelector(".kc-feedback-text")).stream().map(WebElement::getText).map(String::strip)
                .findFirst().orElse("");
    }

    /** The label the page shows for a field. */
    String labelOf(String field) {
        return driver.findElements(By.cssSelector("label[for='" + field + "']")).stream().map(WebElement::getText)
                .map(t -> t.replace("*", "").strip()).findFirst().orElse("");
    }

    boolean has(By element) {
        return !driver.findElements(element).isEmpty();
    }

    String errorOf(String field) {
        return driver.findElements(By.id("input-error-" + field)).stream().map(WebElement::getText).map(String::strip)
                .findFirst().orElse("");
    }

    String text(By element) {
        return driver.findElement(element).getText().strip();
    }

    /** Picks 中文 in the page's language menu, as a person on an English browser would (theme: chrome, screenshots). */
    void showInTraditionalChinese() {
        WebElement menu = driver.findElement(By.id("login-select-toggle"));
        String link = menu.findElements(By.tagName("option")).stream().map(option -> option.getAttribute("value"))
                .filter(value -> value.contains("kc_locale=zh-Hant")).findFirst().orElseThrow();
        driver.navigate().to(java.net.URI.create(driver.getCurrentUrl()).resolve(link).toString());
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> "zh-Hant".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    /** Waits until the page header has the server's figures (ecpa-chrome.js). */
    void waitForTheChrome() {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> "true".equals(d.findElement(By.id("ecpa-chrome")).getAttribute("data-loaded")));
    }

    /** A message of the ecpa login theme in the page's language, formatted as Keycloak does. */
    String message(String key, Object... params) {
        String lang = driver.findElement(By.tagName("html")).getAttribute("lang");
        return messageIn(lang, key, params);
    }

    /** A message of the ecpa login theme in a language ("en", "zh-Hant"). */
    static String messageIn(String lang, String key, Object... params) {
        String file = lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh") ? "messages_zh_Hant" : "messages_en";
        Properties messages = new Properties();
        try (InputStream in = EcpaPages.class.getResourceAsStream("/theme/ecpa/login/messages/" + file + ".properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String pattern = messages.getProperty(key);
        if (pattern == null) {
            throw new AssertionError("no message " + key + " in " + file);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(params);
    }
}

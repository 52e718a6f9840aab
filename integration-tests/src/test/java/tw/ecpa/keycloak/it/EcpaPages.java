package tw.ecpa.keycloak.it;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The login pages of the ecpa theme as a person uses them, and the texts they show.
 *
 * <p>Every action that submits or leaves a page returns only once the next page is there: the old page's
 * {@code <html>} has gone stale and the new document is complete. Every reading waits for a complete document
 * and reads again when the page is replaced under it. A fresh machine with Debian's Chromium read a page that
 * was still being replaced (StaleElementReferenceException in {@link #errors()}) when a submit returned early.
 */
final class EcpaPages {

    /**
     * How long a page may take: generous, for a run on two busy cores (a login hashes the password), while every
     * wait returns as soon as the page is there.
     */
    static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);

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
        submitAndWaitForTheNextPage(driver.findElement(By.id("ecpa-certificate-login-button")));
    }

    /** Clicks a link or button that leads to another page (上一步, 回首頁, 登出) and waits for that page. */
    void follow(By control) {
        submitAndWaitForTheNextPage(read(d -> d.findElement(control)));
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
            new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> loaded(d) && !d.findElements(page).isEmpty());
            return true;
        } catch (TimeoutException e) {
            System.err.println("expected " + page + " but the browser is at " + describe());
            return false;
        }
    }

    /** Waits until the browser shows a complete page that has {@code page}. */
    void waitFor(By page) {
        try {
            new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> loaded(d) && !d.findElements(page).isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("expected " + page + " but the browser is at " + describe(), e);
        }
    }

    /** Where the browser is and what it shows, for a failure message; never fails itself. */
    String describe() {
        String body;
        try {
            body = driver.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst().orElse("");
        } catch (WebDriverException e) {
            body = "(the page changed while it was read)";
        }
        return driver.getCurrentUrl() + " [" + driver.getTitle() + "] " + body.substring(0, Math.min(600, body.length()));
    }

    /**
     * Submits with {@code button} and waits for the next page: first the old page's {@code <html>} goes stale
     * (the next page may have the same form, a refused password, and reading it too early reads the old one),
     * then the new document is complete. A form the browser's own validation refuses is not sent: then the
     * page stays and the caller reads it as it is.
     */
    private void submitAndWaitForTheNextPage(WebElement button) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        boolean sent = Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "var b = arguments[0], f = b.form;"
                        + " return !f || f.noValidate || b.formNoValidate || f.checkValidity();", button));
        button.click();
        if (!sent) {
            return;
        }
        try {
            new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> isGone(oldPage));
            new WebDriverWait(driver, PAGE_TIMEOUT).until(EcpaPages::loaded);
        } catch (TimeoutException e) {
            throw new AssertionError("submitted, but no next page within " + PAGE_TIMEOUT.toSeconds() + " s: " + describe(), e);
        }
    }

    /** Whether the browser has a document that has finished loading. */
    private static boolean loaded(WebDriver d) {
        try {
            return "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
        } catch (WebDriverException e) {
            // A document being replaced may refuse scripts for a moment ("no such execution context").
            return false;
        }
    }

    /**
     * Reads the page once it is complete; a page replaced during the reading (stale elements) is read again,
     * within {@link #PAGE_TIMEOUT}.
     */
    private <T> T read(Function<WebDriver, T> reading) {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> {
                if (!loaded(d)) {
                    return false;
                }
                try {
                    result.set(reading.apply(d));
                    return true;
                } catch (WebDriverException e) {
                    if (replaced(e)) {
                        return false;
                    }
                    throw e;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("the page kept changing while it was read: " + describe(), e);
        }
        return result.get();
    }

    /**
     * Whether the page that held {@code element} has gone. Chromium answers a question about an element of
     * a page being replaced either as stale or with "Node with given id does not belong to the document"
     * (seen in a full run); both mean the old page is gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            if (replaced(e)) {
                return true;
            }
            throw e;
        }
    }

    /** Whether a browser's answer means the element's page was replaced while it was asked about. */
    private static boolean replaced(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /** The heading of 我的專區's first page (keycloak.v3's personal info page, under the guide's name). */
    static final Set<String> PERSONAL_INFO_HEADINGS = Set.of("個人資料修改", "Personal info");
    /** 我的專區 > 個人功能, in the account console's menu, in both languages of the ecpa account theme. */
    static final List<String> PERSONAL_FUNCTIONS_ZH = List.of("個人資料修改", "修改密碼", "自然人憑證上傳");
    static final List<String> PERSONAL_FUNCTIONS_EN = List.of("Personal info", "Change password", "Citizen certificate upload");

    /**
     * Waits until the login is over and the browser shows 我的專區 working: the page 個人資料修改 (its heading),
     * the menu 個人功能 with the guide's names, the person's name filled in from the account API, the portal
     * header, and no error text.
     */
    void waitForAccountConsole() {
        try {
            new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
                String url = d.getCurrentUrl();
                return url.contains("/account") && !url.contains("login-actions") && !url.contains("openid-connect/auth")
                        && d.findElements(By.id("kc-form-login")).isEmpty();
            });
            // What a person sees: the personal-info form, loaded from the account API, and not the console's
            // error page (a console whose API calls fail shows only 發生錯誤 / Something went wrong).
            new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> accountConsoleError(d) || personalInfoShown(d));
        } catch (TimeoutException e) {
            throw new AssertionError("expected 我的專區 (heading, menu, filled name) but the browser is at " + describe(), e);
        }
        if (read(EcpaPages::accountConsoleError)) {
            throw new AssertionError("the account console shows its error page: " + describe());
        }
        if (!has(By.id("ecpa-portal-header"))) {
            throw new AssertionError("我的專區 without the portal header: " + describe());
        }
    }

    private static boolean personalInfoShown(WebDriver d) {
        boolean heading = d.findElements(By.cssSelector("[data-testid='page-heading']")).stream()
                .anyMatch(h -> PERSONAL_INFO_HEADINGS.contains(h.getText().strip()));
        List<String> menu = accountMenu(d);
        boolean names = menu.containsAll(PERSONAL_FUNCTIONS_ZH) || menu.containsAll(PERSONAL_FUNCTIONS_EN);
        return heading && names && filled(d, "firstName") && filled(d, "lastName");
    }

    private static boolean filled(WebDriver d, String field) {
        return d.findElements(By.id(field)).stream().anyMatch(f -> f.getAttribute("value") != null && !f.getAttribute("value").isBlank());
    }

    /** The names in the account console's side menu, as shown. */
    static List<String> accountMenu(WebDriver d) {
        return d.findElements(By.cssSelector("nav.pf-v5-c-nav a.pf-v5-c-nav__link, nav.pf-v5-c-nav button.pf-v5-c-nav__link")).stream()
                .map(WebElement::getText).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static boolean accountConsoleError(WebDriver d) {
        String text = d.findElement(By.tagName("body")).getText();
        return text.contains("發生錯誤") || text.contains("Something went wrong") || text.contains("非預期的錯誤");
    }

    /** Every error the page shows, under fields or on top. */
    String errors() {
        return read(d -> d.findElements(By.cssSelector("[id^='input-error-']:not([id^='input-error-container-']), .kc-feedback-text")).stream()
                .map(WebElement::getText).map(String::strip).filter(t -> !t.isEmpty()).distinct()
                .collect(Collectors.joining(" | ")));
    }

    /** The message Keycloak shows on top of the page (success, info, warning or error), or "". */
    String feedback() {
        return read(d -> d.findElements(By.cssSelector(".kc-feedback-text")).stream().map(WebElement::getText).map(String::strip)
                .findFirst().orElse(""));
    }

    /** The label the page shows for a field. */
    String labelOf(String field) {
        return read(d -> d.findElements(By.cssSelector("label[for='" + field + "']")).stream().map(WebElement::getText)
                .map(t -> t.replace("*", "").strip()).findFirst().orElse(""));
    }

    boolean has(By element) {
        return read(d -> !d.findElements(element).isEmpty());
    }

    String errorOf(String field) {
        return read(d -> d.findElements(By.id("input-error-" + field)).stream().map(WebElement::getText).map(String::strip)
                .findFirst().orElse(""));
    }

    String text(By element) {
        return read(d -> d.findElement(element).getText().strip());
    }

    /** Picks 中文 in the page's language menu, as a person on an English browser would (theme: chrome, screenshots). */
    void showInTraditionalChinese() {
        showIn("zh-Hant");
    }

    /** Picks English in the page's language menu. */
    void showInEnglish() {
        showIn("en");
    }

    private void showIn(String locale) {
        String link = read(d -> d.findElement(By.id("login-select-toggle")).findElements(By.tagName("option")).stream()
                .map(option -> option.getAttribute("value"))
                .filter(value -> value.contains("kc_locale=" + locale + "&") || value.endsWith("kc_locale=" + locale))
                .findFirst().orElseThrow());
        driver.navigate().to(java.net.URI.create(driver.getCurrentUrl()).resolve(link).toString());
        new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> loaded(d) && locale.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    /** Waits until the page header has the server's figures (ecpa-chrome.js). */
    void waitForTheChrome() {
        new WebDriverWait(driver, PAGE_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> "true".equals(d.findElement(By.id("ecpa-chrome")).getAttribute("data-loaded")));
    }

    /** A message of the ecpa login theme in the page's language, formatted as Keycloak does. */
    String message(String key, Object... params) {
        String lang = read(d -> d.findElement(By.tagName("html")).getAttribute("lang"));
        return messageIn(lang, key, params);
    }

    /** A message of the ecpa login theme (or of our providers) in a language ("en", "zh-Hant"). */
    static String messageIn(String lang, String key, Object... params) {
        return ThemeMessages.messageIn("login", lang, key, params);
    }

    /**
     * What a person reads of a message or page that holds markup (the card unblocking links): the text
     * without tags and with character references resolved, spaces as a browser collapses them.
     */
    static String visibleText(String html) {
        String text = html.replaceAll("<[^>]*>", "");
        java.util.regex.Matcher reference = java.util.regex.Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1);
            String character = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> Character.toString(name.startsWith("#x") || name.startsWith("#X")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1)));
            };
            reference.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(character));
        }
        reference.appendTail(out);
        return out.toString().replaceAll("\\s+", " ").strip();
    }
}

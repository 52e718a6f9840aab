package tw.ecpa.keycloak.it;

import java.time.Duration;
import java.util.List;
import java.util.Set;
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
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> isGone(button));
        } catch (org.openqa.selenium.TimeoutException e) {
            // The browser kept the page (its own form validation refused the post): the caller reads it as it is.
        }
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
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
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
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
                String url = d.getCurrentUrl();
                return url.contains("/account") && !url.contains("login-actions") && !url.contains("openid-connect/auth")
                        && d.findElements(By.id("kc-form-login")).isEmpty();
            });
            // What a person sees: the personal-info form, loaded from the account API, and not the console's
            // error page (a console whose API calls fail shows only 發生錯誤 / Something went wrong).
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> accountConsoleError(d) || personalInfoShown(d));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected 我的專區 (heading, menu, filled name) but the browser is at " + describe(), e);
        }
        if (accountConsoleError(driver)) {
            throw new AssertionError("the account console shows its error page: " + describe());
        }
        if (driver.findElements(By.id("ecpa-portal-header")).isEmpty()) {
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
        showIn("zh-Hant");
    }

    /** Picks English in the page's language menu. */
    void showInEnglish() {
        showIn("en");
    }

    private void showIn(String locale) {
        WebElement menu = driver.findElement(By.id("login-select-toggle"));
        String link = menu.findElements(By.tagName("option")).stream().map(option -> option.getAttribute("value"))
                .filter(value -> value.contains("kc_locale=" + locale + "&") || value.endsWith("kc_locale=" + locale))
                .findFirst().orElseThrow();
        driver.navigate().to(java.net.URI.create(driver.getCurrentUrl()).resolve(link).toString());
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> locale.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
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

package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/**
 * The guide's password rules on Keycloak's update-password step, enforced by the realm's password
 * policy (Keycloak's own policies plus ecpa-letters, ecpa-forbidden-characters, ecpa-not-national-id;
 * Keycloak's notContainsUsername refuses the custom account anywhere in the password, notUsername only
 * the account itself).
 * Each rule is broken once, and nothing is saved.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class PasswordRulesIT extends EcpaIntegrationTest {

    private static final String CURRENT = "Current-pw-1";
    private static final String FORBIDDEN = "%&+*?<>/\\'";

    @InjectWebDriver
    ManagedWebDriver browser;

    private TestPeople people;
    private EcpaPages pages;
    private TestPeople.Person person;
    private String account;
    private Long passwordSetAt;

    @BeforeEach
    void aPersonAskedToChangeTheirPassword() {
        people = new TestPeople(realm.admin());
        pages = new EcpaPages(browser.driver(), realm.getBaseUrl());
        pages.forgetSession();
        account = TestPeople.freshAccount("it.pw1.");
        person = people.withAccount(account);
        person.givePassword(CURRENT);
        UserRepresentation rep = person.admin().toRepresentation();
        rep.setRequiredActions(List.of("UPDATE_PASSWORD"));
        person.admin().update(rep);
        passwordSetAt = person.passwordCreatedDate();
        pages.openAccountConsole();
        pages.logIn(account, CURRENT);
        pages.waitFor(EcpaPages.UPDATE_PASSWORD);
    }

    @AfterEach
    void removeThePeople() {
        people.close();
    }

    @Test
    void everyRuleBrokenOnceShowsItsMessageAndSavesNothing() {
        List<String> mismatches = new ArrayList<>();
        check(mismatches, "short", "Ab1!xyz", "invalidPasswordMinLengthMessage", 8);
        check(mismatches, "no letter", "12345678!", "ecpa.password.letters", 1);
        check(mismatches, "no digit", "Abcdefgh!", "invalidPasswordMinDigitsMessage", 1);
        check(mismatches, "no symbol", "Abcdefg12", "invalidPasswordMinSpecialCharsMessage", 1);
        for (char c : FORBIDDEN.toCharArray()) {
            check(mismatches, "forbidden " + c, "Abcdef12" + c, "ecpa.password.forbiddenCharacters", "% & + * ? < > / \\ '");
        }
        check(mismatches, "contains the national ID", person.nationalId() + "!x", "ecpa.password.notNationalId");
        check(mismatches, "equal to the account", account, "invalidPasswordNotContainsUsernameMessage");
        RunSecrets.notSecret(account);
        check(mismatches, "contains the account", account + "1#", "invalidPasswordNotContainsUsernameMessage");
        check(mismatches, "contains the account in capitals", "X" + account.toUpperCase(java.util.Locale.ROOT) + "9!", "invalidPasswordNotContainsUsernameMessage");
        check(mismatches, "reused", CURRENT, "invalidPasswordHistoryMessage", 5);

        pages.fillNewPassword("Abcdef12!x", "Abcdef12!y");
        pages.waitFor(EcpaPages.UPDATE_PASSWORD);
        String mismatch = pages.errors();
        if (!mismatch.equals(pages.message("notMatchPasswordMessage"))) {
            mismatches.add("mismatch: " + mismatch);
        }

        assertThat(mismatches).isEmpty();
        assertThat(person.passwordCreatedDate()).as("nothing saved").isEqualTo(passwordSetAt);

        pages.fillNewPassword("Abcdef12!x", "Abcdef12!x");
        assertThat(pages.isShowing(EcpaPages.PASSWORD_SAVED)).isTrue();
        assertThat(pages.feedback()).isEqualTo(pages.message("ecpa.password.saved"));
        pages.continueAfterPasswordSaved();
        pages.waitForAccountConsole();
        assertThat(person.passwordCreatedDate()).isNotEqualTo(passwordSetAt);
    }

    /**
     * Our password policies speak from the providers' own messages (theme-resources), so a realm on Keycloak's
     * login theme shows their words, not their keys. The theme is read on every request: the step already on
     * screen is answered by keycloak.v2's update-password page.
     */
    @Test
    void underKeycloaksOwnLoginThemeARuleShowsItsTextNotItsKey() {
        assertThat(browser.driver().findElements(By.id("ecpa-chrome"))).as("the ecpa theme's page to begin with").isNotEmpty();
        setLoginTheme("keycloak.v2");
        try {
            pages.fillNewPassword("12345678!", "12345678!");
            pages.waitFor(EcpaPages.UPDATE_PASSWORD);
            assertThat(browser.driver().findElements(By.id("ecpa-chrome"))).as("keycloak.v2's page, not the ecpa theme's").isEmpty();
            // The test browser asks for English.
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertThat(pages.errors()).isEqualTo(ThemeMessages.providerMessageIn("en", "ecpa.password.letters", 1));

            pages.showInTraditionalChinese();
            pages.fillNewPassword(person.nationalId() + "!x", person.nationalId() + "!x");
            pages.waitFor(EcpaPages.UPDATE_PASSWORD);
            assertThat(browser.driver().findElements(By.id("ecpa-chrome"))).isEmpty();
            assertThat(pages.errors()).isEqualTo(ThemeMessages.providerMessageIn("zh-Hant", "ecpa.password.notNationalId"))
                    .doesNotContain("ecpa.password");
        } finally {
            setLoginTheme("ecpa");
        }
        assertThat(person.passwordCreatedDate()).as("nothing saved").isEqualTo(passwordSetAt);
    }

    private void setLoginTheme(String theme) {
        RealmRepresentation update = new RealmRepresentation();
        update.setLoginTheme(theme);
        realm.admin().update(update);
    }

    private void check(List<String> mismatches, String rule, String password, String key, Object... params) {
        pages.fillNewPassword(password, password);
        pages.waitFor(EcpaPages.UPDATE_PASSWORD);
        String shown = pages.errors();
        String expected = pages.message(key, params);
        if (!shown.equals(expected)) {
            mismatches.add(rule + ": expected [" + expected + "] but the page showed [" + shown + "]");
        }
    }
}

package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** 個人資料修改: every rule broken once shows its message and saves nothing. */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class PersonalDataRulesIT extends EcpaIntegrationTest {

    private static final String PASSWORD = "Rules-it-9x";

    @InjectWebDriver
    ManagedWebDriver browser;

    private TestPeople people;
    private EcpaPages pages;
    private TestPeople.Person person;
    private String placeholder;

    @BeforeEach
    void aNewcomerAtThePersonalDataPage() {
        people = new TestPeople(realm.admin());
        pages = new EcpaPages(browser.driver(), realm.getBaseUrl());
        pages.forgetSession();
        person = people.newcomer();
        person.givePassword(PASSWORD);
        placeholder = person.username();
        pages.openAccountConsole();
        pages.logIn(person.nationalId(), PASSWORD);
        pages.waitFor(EcpaPages.PERSONAL_DATA);
    }

    @AfterEach
    void removeThePeople() {
        people.close();
    }

    @Test
    void anAccountSomeoneElseHasIsTaken() {
        assertRefused("username", DemoUsers.SET_UP_ACCOUNT, "ok@it.ecpa.test", "0912345678", "ecpa.customAccount.taken");
    }

    @Test
    void anAccountShapedLikeANationalIdIsRefused() {
        assertRefused("username", "a123456789", "ok@it.ecpa.test", "0912345678", "ecpa.customAccount.looksLikeNationalId");
    }

    @Test
    void anAccountTooLongIsRefused() {
        assertRefused("username", "a" + "b".repeat(30), "ok@it.ecpa.test", "0912345678", "ecpa.customAccount.tooLong");
    }

    @Test
    void anAccountWithBadCharactersIsRefused() {
        assertRefused("username", "bad name!", "ok@it.ecpa.test", "0912345678", "ecpa.customAccount.badCharacters");
    }

    @Test
    void anEmptyAccountIsRefused() {
        assertRefused("username", "", "ok@it.ecpa.test", "0912345678", "ecpa.customAccount.empty");
    }

    @Test
    void thePlaceholderPrefixIsRefused() {
        assertRefused("username", "ecpa-mine", "ok@it.ecpa.test", "0912345678", "ecpa.customAccount.reservedPrefix");
    }

    @Test
    void aBadEmailIsRefusedByTheUserProfile() {
        assertRefused("email", TestPeople.freshAccount("it.rules."), "not-an-email", "0912345678", "error-invalid-email");
    }

    @Test
    void aBadPhoneIsRefusedByTheUserProfile() {
        assertRefused("phoneNumber", TestPeople.freshAccount("it.rules."), "ok@it.ecpa.test", "12345", "ecpa.phoneNumber.invalid");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"02-2397-9298", "(02)2397-9298", "+886 2 2397 9298"})
    void theUsualWrittenFormsOfAPhoneNumberAreAcceptedAndStoredInOneForm(String written) {
        String account = TestPeople.freshAccount("it.phone.");
        pages.fillPersonalData(account, account + "@it.ecpa.test", written, "no");

        pages.waitForAccountConsole();
        UserRepresentation stored = person.admin().toRepresentation();
        assertThat(stored.getAttributes().get("phoneNumber")).containsExactly("0223979298");
        assertThat(stored.getUsername()).isEqualTo(account);
        assertThat(stored.getRequiredActions()).doesNotContain("ecpa-personal-data");
    }

    @Test
    void theConsentIsAskedInTheGuidesWords() {
        assertThat(EcpaPages.messageIn("zh-Hant", "ecpa.egovMessages")).isEqualTo("是否允許e公務接收訊息");
        assertThat(pages.text(org.openqa.selenium.By.id("ecpa-personal-data-form"))).contains(pages.message("ecpa.egovMessages"));
    }

    private void assertRefused(String field, String account, String email, String phone, String messageKey) {
        pages.fillPersonalData(account, email, phone, "no");

        pages.waitFor(EcpaPages.PERSONAL_DATA);
        assertThat(pages.errorOf(field)).isEqualTo(pages.message(messageKey));
        UserRepresentation stored = person.admin().toRepresentation();
        assertThat(stored.getUsername()).as("the account is not saved").isEqualTo(placeholder);
        assertThat(stored.getEmail()).as("nor the e-mail").isNull();
        assertThat(stored.getAttributes().get("phoneNumber")).as("nor the phone").isNull();
        assertThat(stored.getAttributes().get("egovMessages")).as("nor the consent").isNull();
        assertThat(stored.getRequiredActions()).contains("ecpa-personal-data");
    }
}

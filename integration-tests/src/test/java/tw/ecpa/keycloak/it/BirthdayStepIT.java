package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/**
 * 請輸入您的生日 under the realm's safer default (the whole ROC date, 7 digits): the page says exactly
 * what to type, and someone typing the guide's 2-digit 生日碼 is told the format again without it
 * counting as a failed login; a well-formed wrong date does count.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class BirthdayStepIT extends EcpaIntegrationTest {

    private static final String TEMPORARY = "K5L6H5W8-b";
    private static final String NEW_PASSWORD = "Bday-step-2024";

    @InjectWebDriver
    ManagedWebDriver browser;

    private TestPeople people;
    private EcpaPages pages;
    private TestPeople.Person person;
    private Long passwordSetAt;

    @BeforeEach
    void aPersonResetByTheirOfficerAtTheBirthdayStep() {
        people = new TestPeople(realm.admin());
        pages = new EcpaPages(browser.driver(), realm.getBaseUrl());
        pages.forgetSession();
        person = people.withAccount(TestPeople.freshAccount("it.bdayfmt."));
        person.resetByOfficer(TEMPORARY);
        passwordSetAt = person.passwordCreatedDate();
        pages.openAccountConsole();
        pages.logIn(person.nationalId(), TEMPORARY);
        pages.waitFor(EcpaPages.BIRTHDAY_PASSWORD);
    }

    @AfterEach
    void removeThePeople() {
        people.close();
    }

    @Test
    void thePageSaysExactlyWhatToType() {
        assertThat(pages.text(By.id("ecpa-birthday-hint"))).isEqualTo(pages.message("ecpa.birthday.hint.ROC_DATE", "0690509"));
        assertThat(EcpaPages.messageIn("zh-Hant", "ecpa.birthday.hint.ROC_DATE", "0690509"))
                .contains("7 碼").contains("民國 69 年 5 月 9 日").endsWith("0690509");
    }

    @Test
    void theGuidesTwoDigitCodeIsExplainedAndIsNoFailedLoginButAWrongDateIs() throws InterruptedException {
        pages.fillBirthdayAndPassword("12", NEW_PASSWORD, NEW_PASSWORD);

        assertThat(pages.errorOf("birthday")).isEqualTo(pages.message("ecpa.birthday.badFormat.ROC_DATE", "7", "0690509"));
        assertThat(person.passwordCreatedDate()).as("nothing saved").isEqualTo(passwordSetAt);
        EventRepresentation refusal = realm.admin().getEvents(java.util.List.of("UPDATE_CREDENTIAL_ERROR"), null, person.id(),
                null, null, null, 0, 1).get(0);
        assertThat(refusal.getError()).isEqualTo("invalid_input");
        assertThat(refusal.getDetails()).containsEntry("reason", "birthday not in the asked format");

        AccountLoginIT.sleepPastTheQuickLoginCheck();
        pages.fillBirthdayAndPassword("0690513", NEW_PASSWORD, NEW_PASSWORD);
        assertThat(pages.errorOf("birthday")).isEqualTo(pages.message("ecpa.birthday.wrong"));
        awaitFailures(1);
        Thread.sleep(1000);
        assertThat(failures()).as("only the well-formed wrong date counted").isEqualTo(1);
        assertThat(person.admin().toRepresentation().getRequiredActions()).contains("ecpa-birthday-password");

        pages.fillBirthdayAndPassword(TestPeople.BIRTHDAY_ROC, NEW_PASSWORD, NEW_PASSWORD);
        pages.continueAfterPasswordSaved();
        pages.waitForAccountConsole();
        assertThat(person.passwordCreatedDate()).isNotEqualTo(passwordSetAt);
    }

    private void awaitFailures(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (failures() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(failures()).as("wrong birthdays counted").isEqualTo(expected);
    }

    private int failures() {
        return ((Number) realm.admin().attackDetection().bruteForceUserStatus(person.id()).get("numFailures")).intValue();
    }
}

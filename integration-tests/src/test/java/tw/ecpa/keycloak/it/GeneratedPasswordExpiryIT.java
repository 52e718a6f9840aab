package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * The password a reset e-mails expires (security issue, the open row of section (d)): after the lifespan
 * of the birthday step's setting {@code generated-password-lifespan} (7 days by default), 帳號登入 refuses
 * it with its own message, counts no failure and changes nothing. Before: a letter's password opened the
 * account for as long as the letter lay in the mailbox. The test shortens the lifespan to one second
 * through the admin API and restores it.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class GeneratedPasswordExpiryIT extends EcpaIntegrationTest {

    private static final String BIRTHDAY_ACTION = "ecpa-birthday-password";
    private static final String LIFESPAN = "generated-password-lifespan";

    @InjectWebDriver
    ManagedWebDriver browser;

    private PersonnelApiClient api;
    private ResetTargets targets;
    private EcpaPages pages;
    private Map<String, String> originalConfig;

    @BeforeEach
    void freshBrowserAndTargets() {
        api = new PersonnelApiClient(realm.getBaseUrl(), realm.admin());
        targets = new ResetTargets(realm.admin());
        pages = new EcpaPages(browser.driver(), realm.getBaseUrl());
        pages.forgetSession();
        originalConfig = new HashMap<>(realm.admin().flows().getRequiredActionConfig(BIRTHDAY_ACTION).getConfig());
    }

    @AfterEach
    void restore() {
        setBirthdayStepConfig(originalConfig);
        targets.close();
        api.close();
    }

    /** What the reset left on the person's record, read through the admin API. */
    private record Record(String email, List<String> requiredActions, List<String> credentials, Object failures) {
    }

    private Record recordOf(ResetTargets.Target person) {
        UserRepresentation user = person.representation();
        List<String> credentials = person.admin().credentials().stream()
                .map(c -> c.getType() + ":" + c.getId() + ":" + c.getCreatedDate()).sorted().toList();
        return new Record(user.getEmail(), user.getRequiredActions(), credentials,
                realm.admin().attackDetection().bruteForceUserStatus(person.id()).get("numFailures"));
    }

    @Test
    void afterItsLifespanTheLettersPasswordIsRefusedWithItsOwnMessageAndNothingChanges() throws InterruptedException {
        ResetTargets.Target person = targets.serving(PersonnelResetIT.MINISTRY);
        var chief = userByNationalId(PersonnelResetIT.CHIEF);
        String chiefToken = api.requireLogin(chief.toRepresentation().getUsername(), DemoUsers.givePassword(chief));
        assertThat(api.reset(chiefToken, person.nationalId(), person.email(), null).status()).isEqualTo(200);
        String password = ResetMails.onlyTo(mail, person.email()).password();

        Map<String, String> oneSecond = new HashMap<>(originalConfig);
        oneSecond.put(LIFESPAN, "1s");
        setBirthdayStepConfig(oneSecond);
        waitUntilOlderThanASecond(person);
        Record before = recordOf(person);

        pages.openAccountConsole();
        pages.showInTraditionalChinese();
        pages.logIn(person.nationalId(), password);

        assertThat(pages.isShowing(EcpaPages.HOME)).as("still the home page").isTrue();
        assertThat(pages.errors()).isEqualTo(pages.message("ecpa.login.generatedPasswordExpired"))
                .isNotEqualTo(pages.message("ecpa.login.invalid"));
        assertThat(recordOf(person)).as("the record, failures for brute-force detection included").isEqualTo(before);
        assertThat(before.failures()).isEqualTo(0);
        List<EventRepresentation> refusals = realm.admin().getEvents(List.of("LOGIN_ERROR"), null, person.id(), null, null, null, 0, 10);
        assertThat(refusals).extracting(EventRepresentation::getError).contains("ecpa_generated_password_expired");

        pages.logIn(person.nationalId(), "Wrong-pass-2024!");
        assertThat(pages.errors()).as("a wrong password is told nothing of the letter").isEqualTo(pages.message("ecpa.login.invalid"));

        setBirthdayStepConfig(originalConfig);
        pages.logIn(person.nationalId(), password);
        assertThat(pages.isShowing(EcpaPages.BIRTHDAY_PASSWORD)).as("within the default week, the same password opens the birthday step")
                .isTrue();
    }

    @Test
    void aLifespanThatNamesNoneIsRefusedWhenSaved() {
        Map<String, String> zero = new HashMap<>(originalConfig);
        zero.put(LIFESPAN, "0d");
        RequiredActionConfigRepresentation config = new RequiredActionConfigRepresentation();
        config.setConfig(zero);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> realm.admin().flows().updateRequiredActionConfig(BIRTHDAY_ACTION, config))
                .isInstanceOf(jakarta.ws.rs.BadRequestException.class);
        assertThat(realm.admin().flows().getRequiredActionConfig(BIRTHDAY_ACTION).getConfig()).isEqualTo(originalConfig);
    }

    private void setBirthdayStepConfig(Map<String, String> values) {
        RequiredActionConfigRepresentation config = new RequiredActionConfigRepresentation();
        config.setConfig(new HashMap<>(values));
        realm.admin().flows().updateRequiredActionConfig(BIRTHDAY_ACTION, config);
    }

    /** The generated password was stored at the reset; one second after that it is past the shortened lifespan. */
    private static void waitUntilOlderThanASecond(ResetTargets.Target person) throws InterruptedException {
        long stored = person.admin().credentials().stream().filter(c -> CredentialRepresentation.PASSWORD.equals(c.getType()))
                .mapToLong(CredentialRepresentation::getCreatedDate).findFirst().orElseThrow();
        long wait = stored + 1_100 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}

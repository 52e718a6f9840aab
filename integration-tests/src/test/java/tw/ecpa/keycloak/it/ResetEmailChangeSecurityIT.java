package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.core.EmailMask;

/**
 * The e-mail typed in a reset no longer silently replaces the one on file (security issue, item 4, T14).
 * Before: the letter went to the new address and the old one heard nothing, so an officer (or whoever
 * held an officer's session) could move a person's account to a mailbox of their own unnoticed; the
 * admin event did not say that the address changed.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class ResetEmailChangeSecurityIT extends EcpaIntegrationTest {

    private PersonnelApiClient api;
    private ResetTargets targets;

    @BeforeEach
    void freshClientAndTargets() {
        api = new PersonnelApiClient(realm.getBaseUrl(), realm.admin());
        targets = new ResetTargets(realm.admin());
    }

    @AfterEach
    void cleanUp() {
        targets.close();
        api.close();
    }

    private String chiefToken() {
        var chief = userByNationalId(PersonnelResetIT.CHIEF);
        return api.requireLogin(chief.toRepresentation().getUsername(), DemoUsers.givePassword(chief));
    }

    /** An address that does not contain the old one (the mail catcher's lookup matches by containment). */
    private static String elsewhere() {
        return TestPeople.freshAccount("moved.") + "@elsewhere.ecpa.test";
    }

    @Test
    void aNewAddressGetsTheLetterAndTheOldOneANoticeWithoutPasswordOrLink() {
        ResetTargets.Target person = targets.serving(PersonnelResetIT.MINISTRY);
        String newEmail = elsewhere();

        PersonnelApiClient.Answer confirmed = api.reset(chiefToken(), person.nationalId(), newEmail, null);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);

        ResetMails.Letter letter = ResetMails.onlyTo(mail, newEmail);
        String password = letter.password();
        ResetMails.Letter notice = ResetMails.onlyTo(mail, person.email());
        assertThat(notice.subject()).isEqualTo("人事服務網 帳號電子郵件信箱變更通知");
        assertThat(notice.text()).contains("示範部 的人事主管在重設密碼時", EmailMask.mask(newEmail), "本信不含密碼");
        assertThat(notice.text() + notice.html()).as("the notice").doesNotContain(password, newEmail, "http://", "https://", "<a ");

        UserRepresentation after = person.representation();
        assertThat(after.getEmail()).as("the address on file").isEqualTo(newEmail);
        assertThat(after.isEmailVerified()).as("an address typed by an officer is not verified").isFalse();
        assertThat(after.getRequiredActions()).containsExactly("ecpa-birthday-password");

        AdminEventRepresentation event = resetEventFor(person.id());
        assertThat(AdminEventDetails.json(event))
                .contains("\"email\":\"" + EmailMask.mask(newEmail) + "\"", "\"previousEmail\":\"" + EmailMask.mask(person.email()) + "\"",
                        "\"emailChanged\":\"true\"")
                .doesNotContain(newEmail, person.email(), password);
    }

    @Test
    void theNoticeSpeaksThePersonsLanguage() {
        ResetTargets.Target person = targets.servingInEnglish(PersonnelResetIT.MINISTRY);
        String newEmail = elsewhere();

        assertThat(api.reset(chiefToken(), person.nationalId(), newEmail, null).status()).isEqualTo(200);

        ResetMails.Letter notice = ResetMails.onlyTo(mail, person.email());
        assertThat(notice.subject()).isEqualTo("ECPA Personnel Service Portal: the e-mail address of your account was changed");
        assertThat(notice.text()).contains("the personnel chief of Ministry of Demonstration changed the e-mail address",
                EmailMask.mask(newEmail), "(Taipei time)");
        assertThat(notice.text()).doesNotContain(ResetMails.onlyTo(mail, newEmail).password());
    }

    @Test
    void theSameAddressGetsOnlyTheLetter() {
        ResetTargets.Target person = targets.serving(PersonnelResetIT.MINISTRY);

        assertThat(api.reset(chiefToken(), person.nationalId(), " " + person.email().toUpperCase(java.util.Locale.ROOT) + " ", null).status())
                .isEqualTo(200);

        assertThat(ResetMails.onlyTo(mail, person.email()).subject()).as("the one mail is the letter").isEqualTo("人事服務網 密碼重設通知");
        assertThat(person.representation().getEmail()).isEqualTo(person.email());
        assertThat(AdminEventDetails.json(resetEventFor(person.id())))
                .contains("\"email\":\"" + EmailMask.mask(person.email()) + "\"", "\"emailChanged\":\"false\"")
                .doesNotContain("previousEmail");
    }

    private AdminEventRepresentation resetEventFor(String userId) {
        return realm.admin().getAdminEvents().stream()
                .filter(e -> "ECPA_PASSWORD_RESET".equals(e.getResourceType()))
                .filter(e -> e.getResourcePath() != null && e.getResourcePath().contains(userId))
                .findFirst().orElseThrow(() -> new AssertionError("no reset event for " + userId));
    }
}

package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * 忘記密碼 from the home page's 帳號登入 box, at HTTP level: the realm's reset-credentials flow asks for a
 * national ID or custom account, answers the same whoever it was, mails a single-use link only to a
 * serving person with a password (once per cool-down), and the link sets a password under the guide's
 * rules. Someone who has not done their first login gets the same page and a mail naming the first-login
 * ways, without a link.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class ForgotPasswordIT extends EcpaIntegrationTest {

    private static final String REDIRECT_URI = "http://127.0.0.1:9/callback";
    private static final String PASSWORD = "Forgot-it-42x";
    private static final Pattern RESET_LINK = Pattern.compile("(https?://\\S+/login-actions/action-token\\?\\S+)");

    private TestPeople people;
    private String clientId;
    private TestApp app;

    @BeforeEach
    void anApplicationOnTheRealmsOwnBrowserFlow() {
        people = new TestPeople(realm.admin());
        app = TestApp.register(realm.admin(), "it-forgot-", REDIRECT_URI);
        clientId = app.clientId();
    }

    @AfterEach
    void cleanUp() {
        people.close();
        app.close();
    }

    private String authorizationUrl() {
        return app.authorizationUrl(realm.getBaseUrl(), null);
    }

    /** 忘記密碼 on the home page, then the typed ID or account sent: the page that answers. */
    private CardLoginClient.Page forgot(CardLoginClient browser, String typed) {
        CardLoginClient.Page home = browser.open(authorizationUrl());
        CardLoginClient.Page form = browser.open(URI.create(realm.getBaseUrl()).resolve(home.link("ecpa-forgot-password-link")).toString());
        assertThat(form.body()).contains("template: ecpa-forgot-password.ftl");
        return browser.submit("ecpa-forgot-password-form", Map.of("account", typed));
    }

    private static String message(String key, Object... params) {
        return EcpaPages.messageIn("zh-Hant", key, params);
    }

    private String resetLink(String address) {
        ResetMails.Letter letter = ResetMails.onlyTo(mail, address);
        Matcher matcher = RESET_LINK.matcher(letter.text());
        assertThat(matcher.find()).as("a link in the letter:\n" + letter.text()).isTrue();
        return matcher.group(1);
    }

    @Test
    void givenAnExistingAndANonExistingAccountThenThePageIsTheSameAndOnlyTheServingPersonGetsMail() {
        String account = TestPeople.freshAccount("forgot");
        TestPeople.Person person = people.withAccount(account);
        person.givePassword(PASSWORD);

        CardLoginClient.Page existing = forgot(new CardLoginClient(), account);
        CardLoginClient.Page missing = forgot(new CardLoginClient(), TestPeople.freshAccount("nobody"));
        CardLoginClient.Page byMissingId = forgot(new CardLoginClient(), TestPeople.newNationalId());

        for (CardLoginClient.Page page : List.of(existing, missing, byMissingId)) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("template: ecpa-home.ftl").contains(message("emailSentMessage"));
        }
        assertThat(ResetMails.to(mail, account + "@it.ecpa.test")).hasSize(1);
        assertThat(person.username()).isEqualTo(account);
    }

    @Test
    void givenTheNationalIdThenTheLinkSetsAPasswordUnderTheRulesOnlyOnce() {
        String account = TestPeople.freshAccount("forgotid");
        TestPeople.Person person = people.withAccount(account);
        person.givePassword(PASSWORD);
        CardLoginClient browser = new CardLoginClient();
        forgot(browser, person.nationalId());
        String link = resetLink(account + "@it.ecpa.test");
        ResetMails.Letter letter = ResetMails.onlyTo(mail, account + "@it.ecpa.test");
        assertThat(letter.text()).as("the mail speaks of the password, not of a certificate")
                .contains("登入密碼").doesNotContain("憑證");
        assertThat(letter.html()).contains("設定新密碼").doesNotContain("憑證");

        CardLoginClient.Page update = browser.open(link);
        assertThat(update.shows("kc-passwd-update-form")).as(update.body()).isTrue();
        CardLoginClient.Page tooShort = browser.submit("kc-passwd-update-form", Map.of("password-new", "Ab1!", "password-confirm", "Ab1!"));
        assertThat(tooShort.body()).contains(message("invalidPasswordMinLengthMessage", 8));
        String password = "Reset-" + Integer.toString((int) (Math.random() * 9000) + 1000) + "x";
        CardLoginClient.Page saved = browser.submit("kc-passwd-update-form", Map.of("password-new", password, "password-confirm", password));
        assertThat(saved.shows("ecpa-password-saved-form")).as("操作成功 after the reset: " + saved.body()).isTrue();
        assertThat(saved.body()).contains(message("ecpa.password.saved"), message("ecpa.password.saved.reminder"));
        CardLoginClient.Page done = browser.continueAfterPasswordSaved();
        assertThat(done.redirectedToApplication()).as("signed in after the reset: " + done.body()).isTrue();

        CardLoginClient later = new CardLoginClient();
        later.open(authorizationUrl());
        assertThat(later.logInWithPassword(account, password).redirectedToApplication()).as("the new password works").isTrue();

        CardLoginClient.Page again = new CardLoginClient().open(link);
        assertThat(again.shows("kc-passwd-update-form")).as("a second use of the link").isFalse();

        List<EventRepresentation> resets = realm.admin().getEvents(List.of("UPDATE_PASSWORD", "UPDATE_CREDENTIAL"), null,
                person.id(), null, null, null, 0, 5);
        assertThat(resets).as("the new password is an event").isNotEmpty();
        assertThat(String.valueOf(resets.stream().map(EventRepresentation::getDetails).toList()))
                .doesNotContain(person.nationalId()).doesNotContain(password);
    }

    @Test
    void givenSomeoneWithoutAFirstLoginThenTheSamePageAndAMailWithTheFirstLoginWaysButNoLink() {
        String account = TestPeople.freshAccount("forgotfirst");
        TestPeople.Person person = people.withAccount(account);
        UserRepresentation before = person.admin().toRepresentation();
        String withPassword = TestPeople.freshAccount("forgotknown");
        people.withAccount(withPassword).givePassword(PASSWORD);

        CardLoginClient.Page page = forgot(new CardLoginClient(), person.nationalId());
        CardLoginClient.Page known = forgot(new CardLoginClient(), withPassword);

        assertThat(page.status()).isEqualTo(known.status()).isEqualTo(200);
        assertThat(visibleText(page)).as("the same page as for someone with a password").isEqualTo(visibleText(known));
        assertThat(page.body()).contains("template: ecpa-home.ftl").contains(message("emailSentMessage"));

        ResetMails.Letter letter = ResetMails.onlyTo(mail, account + "@it.ecpa.test");
        assertThat(letter.subject()).isEqualTo(ResetMails.messageIn("zh-Hant", "ecpa.mail.firstLogin.subject"));
        for (String text : List.of(letter.text(), letter.html())) {
            assertThat(text).contains(ResetMails.messageIn("zh-Hant", "ecpa.mail.firstLogin.card"))
                    .contains(ResetMails.messageIn("zh-Hant", "ecpa.mail.firstLogin.officer"))
                    .contains(ResetMails.messageIn("zh-Hant", "ecpa.mail.firstLogin.helpDesk"))
                    .contains("自然人憑證").contains("人事人員").contains("049-2359108 按 4")
                    .doesNotContain("login-actions").doesNotContain("action-token").doesNotContain("key=");
        }
        assertThat(RESET_LINK.matcher(letter.text()).find()).as("no reset link").isFalse();

        UserRepresentation after = person.admin().toRepresentation();
        assertThat(person.admin().credentials()).as("still no password").isEmpty();
        assertThat(after.getUsername()).isEqualTo(before.getUsername());
        assertThat(after.getEmail()).isEqualTo(before.getEmail());
        assertThat(after.getRequiredActions()).isEqualTo(before.getRequiredActions());
        List<EventRepresentation> refused = realm.admin().getEvents(List.of("RESET_PASSWORD_ERROR"), null, person.id(),
                null, null, null, 0, 5);
        assertThat(refused).extracting(EventRepresentation::getError).contains("ecpa_reset_before_first_login");
        assertThat(String.valueOf(refused.stream().map(EventRepresentation::getDetails).toList())).doesNotContain(person.nationalId());
    }

    @Test
    void givenANewcomerWithoutAFirstLoginOrAnEmailThenTheSamePageAndNoMail() {
        TestPeople.Person newcomer = people.newcomer();
        int mailsBefore = mail.getReceivedMessages().length;

        CardLoginClient.Page page = forgot(new CardLoginClient(), newcomer.nationalId());

        assertThat(page.body()).contains("template: ecpa-home.ftl").contains(message("emailSentMessage"));
        assertThat(mail.getReceivedMessages()).as("nobody to write to").hasSize(mailsBefore);
        assertThat(newcomer.admin().credentials()).isEmpty();
    }

    /** What the person reads on the page: its text without the markup, the per-request codes and the visitor figures. */
    private static String visibleText(CardLoginClient.Page page) {
        return page.body().replaceAll("(?si)<script.*?</script>", "").replaceAll("(?s)<[^>]+>", " ")
                .replaceAll("\\s+", " ").strip();
    }

    @Test
    void givenADepartedPersonThenNoMailIsSentAndThePageIsTheSame() {
        String account = TestPeople.freshAccount("forgotgone");
        people.departed(account);

        CardLoginClient.Page page = forgot(new CardLoginClient(), account);

        assertThat(page.body()).contains(message("emailSentMessage"));
        assertThat(ResetMails.to(mail, account + "@it.ecpa.test")).isEmpty();
    }

    @Test
    void givenASecondRequestWithinTheCoolDownThenNoSecondMailIsSent() {
        String account = TestPeople.freshAccount("forgottwice");
        TestPeople.Person person = people.withAccount(account);

        forgot(new CardLoginClient(), account);
        CardLoginClient.Page second = forgot(new CardLoginClient(), person.nationalId());

        assertThat(second.body()).contains(message("emailSentMessage"));
        assertThat(ResetMails.to(mail, account + "@it.ecpa.test")).hasSize(1);
        List<EventRepresentation> limited = realm.admin().getEvents(List.of("RESET_PASSWORD_ERROR"), null, person.id(),
                null, null, null, 0, 5);
        assertThat(limited).extracting(EventRepresentation::getError).contains("ecpa_reset_rate_limited");
    }

    @Test
    void givenAMalformedNationalIdThenTheFormSaysSoAndNothingIsSent() {
        CardLoginClient.Page page = forgot(new CardLoginClient(), "A123456780");

        assertThat(page.body()).contains("template: ecpa-forgot-password.ftl").contains(message("ecpa.binding.badNationalId"));
    }
}

package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;

/**
 * The notices of credential changes (listener {@code ecpa-credential-notice}): a card bound at the first
 * login or by 自然人憑證上傳, a card removed, a password changed on Keycloak's password page (where the
 * account console's 更新密碼 leads too) each mail the person a notice without any secret and with the
 * help desk's number; with the mail server down, the change stands and the refused notice is an event.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class CredentialNoticeIT extends EcpaIntegrationTest {

    private static final String DAMING_ID = "A123456789";
    private static final String DAMING_EMAIL = "daming.wang@demo.ecpa.test";
    private static final String YIJUN_ID = DemoUsers.SET_UP_NATIONAL_ID;
    private static final String YIJUN_EMAIL = "yijun.lin@demo.ecpa.test";
    private static final String HELP_DESK = "049-2359108";
    private static final String TYPE = "ecpa-certificate";

    private CardWorld world;
    private CertificateLoginFlow flow;
    private TestPeople people;

    @BeforeEach
    void aFlowWithTheHomePageAndTheCardWorld(CardWorld world) {
        this.world = world;
        flow = CertificateLoginFlow.withHomePage(realm.admin(), realmAdminApi(), world);
        people = new TestPeople(realm.admin());
    }

    @AfterEach
    void unbindAndForget() {
        flow.close();
        people.close();
        DemoUsers.forgetCardLogins(userByNationalId(DAMING_ID));
        UserResource yijun = userByNationalId(YIJUN_ID);
        yijun.credentials().stream().filter(c -> TYPE.equals(c.getType())).forEach(c -> yijun.removeCredential(c.getId()));
        yijun.logout();
    }

    private String pinOf(String cardId) {
        return world.catalogue().get(cardId).pin();
    }

    /** The notices of one kind to an address, in either language of the theme. */
    private List<ResetMails.Letter> notices(String address, String kind) {
        String key = "ecpa.mail.notice." + kind + ".subject";
        Set<String> subjects = Set.of(ResetMails.messageIn("zh-Hant", key), ResetMails.messageIn("en", key));
        return ResetMails.noticesTo(mail, address).stream().filter(letter -> subjects.contains(letter.subject())).toList();
    }

    /** Says what a notice must: the help desk for "this was not me", and no secret. */
    private static void assertIsANoticeWithoutSecrets(ResetMails.Letter notice, String... secrets) {
        assertThat(notice.text()).contains(HELP_DESK);
        assertThat(notice.html()).contains(HELP_DESK);
        for (String secret : secrets) {
            assertThat(notice.text() + notice.html()).doesNotContain(secret);
        }
        assertThat(notice.text() + notice.html()).doesNotContain("http://").doesNotContain("https://");
    }

    private CardLoginClient signedIn(String account, String password) {
        CardLoginClient client = new CardLoginClient(world.readerUrl());
        client.open(flow.authorizationUrl(realm.getBaseUrl()));
        CardLoginClient.Page page = client.logInWithPassword(account, password);
        assertThat(page.redirectedToApplication()).as("signed in with the password: " + page.body()).isTrue();
        return client;
    }

    /** Keycloak's password page (the account console's 更新密碼 opens the same), with 操作成功 after it. */
    private CardLoginClient.Page changePassword(CardLoginClient client, String newPassword) {
        CardLoginClient.Page page = client.open(flow.authorizationUrl(realm.getBaseUrl()) + "&kc_action=UPDATE_PASSWORD");
        assertThat(page.shows("kc-passwd-update-form")).as("the password page: " + page.body()).isTrue();
        CardLoginClient.Page saved = client.setNewPassword(newPassword);
        assertThat(saved.shows("ecpa-password-saved-form")).as("操作成功: " + saved.body()).isTrue();
        return client.continueAfterPasswordSaved();
    }

    @Test
    void givenAFirstCardLoginThenTheBindingIsANoticeNamingTheCardsValidityAndTheHelpDesk() {
        int before = notices(DAMING_EMAIL, "card-bound").size();
        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        world.reader().insert("citizen-daming.wang");
        browser.open(flow.authorizationUrl(realm.getBaseUrl()));
        assertThat(browser.logInWithPinOnHomePage(pinOf("citizen-daming.wang")).shows("ecpa-binding-form")).isTrue();
        String firstPassword = RunSecrets.password("Daming-first-7x");

        browser.bind(DAMING_ID);
        assertThat(browser.setFirstPassword(firstPassword).redirectedToApplication()).isTrue();

        List<ResetMails.Letter> bound = notices(DAMING_EMAIL, "card-bound");
        assertThat(bound).as("one notice of the binding").hasSize(before + 1);
        ResetMails.Letter notice = bound.get(bound.size() - 1);
        String serial = world.pki().card("citizen-daming.wang").serialNumber().toString(16);
        assertIsANoticeWithoutSecrets(notice, pinOf("citizen-daming.wang"), firstPassword, DAMING_ID);
        assertThat(notice.text().toLowerCase()).as("the card is described without its serial").doesNotContain(serial.toLowerCase());
        java.time.LocalDate lastDay = world.pki().card("citizen-daming.wang").certificate().getNotAfter().toInstant()
                .atZone(java.time.ZoneId.of("Asia/Taipei")).toLocalDate();
        assertThat(notice.text()).as("the card's last valid day")
                .containsAnyOf(tw.ecpa.keycloak.core.RocDate.display(lastDay),
                        java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH).format(lastDay));
        assertThat(notice.text()).doesNotContain("{1}");
        assertThat(notices(DAMING_EMAIL, "password-changed")).as("the first password is an authenticator bound too").isNotEmpty();
    }

    @Test
    void givenThePasswordPageThenTheChangeIsOneNoticeWithoutThePassword() {
        TestPeople.Person person = people.withAccount(TestPeople.freshAccount("notice"));
        String account = person.username();
        String oldPassword = person.givePassword("Notice-old-7x!a");
        CardLoginClient client = signedIn(account, oldPassword);
        String newPassword = RunSecrets.password("Notice-new-8y!b");

        changePassword(client, newPassword);

        List<ResetMails.Letter> changed = notices(account + "@it.ecpa.test", "password-changed");
        assertThat(changed).as("one notice, though Keycloak's page reports the change twice").hasSize(1);
        assertIsANoticeWithoutSecrets(changed.get(0), newPassword, oldPassword, person.nationalId());
        assertThat(ResetMails.to(mail, account + "@it.ecpa.test")).as("no other mail").isEmpty();
    }

    @Test
    void givenACardUploadedAndRemovedThenEachIsANotice() throws InterruptedException {
        int boundBefore = notices(YIJUN_EMAIL, "card-bound").size();
        int removedBefore = notices(YIJUN_EMAIL, "card-removed").size();
        String password = DemoUsers.givePassword(userByNationalId(YIJUN_ID));
        CardLoginClient client = signedIn(DemoUsers.SET_UP_ACCOUNT, password);
        world.reader().insert("citizen-yijun.lin");
        client.open(flow.authorizationUrl(realm.getBaseUrl()) + "&kc_action=ecpa-bind-certificate");
        client.logInWithPin(pinOf("citizen-yijun.lin"));
        List<CredentialRepresentation> cards = userByNationalId(YIJUN_ID).credentials().stream()
                .filter(c -> TYPE.equals(c.getType())).toList();
        assertThat(cards).hasSize(1);
        assertThat(notices(YIJUN_EMAIL, "card-bound")).as("自然人憑證上傳 is a binding").hasSize(boundBefore + 1);
        // delete_credential's max_auth_age is 0: from the next second on, it asks for the password again.
        Thread.sleep(1100);

        client.open(flow.authorizationUrl(realm.getBaseUrl()) + "&kc_action=delete_credential:" + cards.get(0).getId());
        client.logInWithPassword(DemoUsers.SET_UP_ACCOUNT, password);
        client.submitFormAfter("template: delete-credential.ftl", Map.of("accept", ""));

        assertThat(userByNationalId(YIJUN_ID).credentials()).noneMatch(c -> TYPE.equals(c.getType()));
        List<ResetMails.Letter> removed = notices(YIJUN_EMAIL, "card-removed");
        assertThat(removed).as("one notice of the removal").hasSize(removedBefore + 1);
        assertIsANoticeWithoutSecrets(removed.get(removed.size() - 1), password, pinOf("citizen-yijun.lin"), YIJUN_ID,
                world.pki().card("citizen-yijun.lin").serialNumber().toString(16));
    }

    @Test
    void givenTheMailServerDownThenThePasswordChangeStandsAndTheRefusedNoticeIsAnEvent() throws IOException {
        TestPeople.Person person = people.withAccount(TestPeople.freshAccount("noticedown"));
        String account = person.username();
        String oldPassword = person.givePassword("Notice-old-7x!a");
        CardLoginClient client = signedIn(account, oldPassword);
        Long setBefore = person.passwordCreatedDate();
        String newPassword = RunSecrets.password("Notice-down-9z!c");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> smtp = Map.copyOf(realm.admin().toRepresentation().getSmtpServer());
        Map<String, String> broken = new HashMap<>(smtp);
        broken.put("port", Integer.toString(closedPort));
        RealmRepresentation update = new RealmRepresentation();
        update.setSmtpServer(broken);
        realm.admin().update(update);
        CardLoginClient.Page back;
        try {
            back = changePassword(client, newPassword);
        } finally {
            RealmRepresentation restore = new RealmRepresentation();
            restore.setSmtpServer(new HashMap<>(smtp));
            realm.admin().update(restore);
        }

        assertThat(back.redirectedToApplication()).as("the person is back at the application: " + back.body()).isTrue();
        assertThat(person.passwordCreatedDate()).as("the new password is stored").isNotEqualTo(setBefore);
        assertThat(signedIn(account, newPassword)).as("the new password logs in").isNotNull();
        assertThat(notices(account + "@it.ecpa.test", "password-changed")).isEmpty();
        List<EventRepresentation> failures = realm.admin().getEvents(List.of("UPDATE_CREDENTIAL_ERROR"), null, person.id(),
                null, null, null, 0, 5);
        assertThat(failures).as("the refused notice is an event").anySatisfy(event -> {
            assertThat(event.getError()).isEqualTo("ecpa_notice_failed");
            assertThat(event.getDetails()).containsEntry("ecpa_notice", "password-changed").containsEntry("credential_type", "password");
        });
        List<EventRepresentation> changes = realm.admin().getEvents(List.of("UPDATE_CREDENTIAL"), null, person.id(),
                null, null, null, 0, 5);
        assertThat(changes).as("the change's own event stays").anySatisfy(event ->
                assertThat(event.getDetails()).containsEntry("credential_type", "password"));
        assertThat(String.valueOf(failures.stream().map(EventRepresentation::getDetails).toList())).doesNotContain(newPassword);
    }
}

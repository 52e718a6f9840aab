package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;

/**
 * The certificate level is earned in the attempt (security issue, case 1): a bound card whose holder is
 * refused on the home page (disabled, departed; locked after wrong passwords, until then) used to leave its
 * verified certificate in the authentication session, and 帳號登入 with another person's password on the
 * same page then passed the certificate step-up without a card, with {@code acr=certificate} and
 * {@code amr=["pwd"]}. Now the refused card counts for nobody: the password's owner is asked for their
 * own card, and a password login stays at the password level. Wrong passwords no longer lock the card
 * login at all: the card is the strong factor and guards its own PIN.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class CertificateLevelSecurityIT extends EcpaIntegrationTest {

    private static final String DAMING_ID = "A123456789";
    private static final String DAMING_ACCOUNT = "daming.wang";
    private static final String DAMING_CARD = "citizen-daming.wang";
    private static final String REDIRECT_URI = "http://127.0.0.1:9/callback";
    private static final String PASSWORD = "Another-0ne!";

    /** How the card's holder is refused on the home page. */
    enum Refusal { DISABLED, DEPARTED }

    private CardWorld world;
    private BrowserFormsSettings settings;
    private TestPeople people;
    private TestApp app;
    private String clientId;
    private UserRepresentation damingAsHeWas;

    @BeforeEach
    void anAppAndDamingsBoundCard(CardWorld world) {
        this.world = world;
        settings = BrowserFormsSettings.forCardWorld(realm.admin(), realmAdminApi(), world);
        people = new TestPeople(realm.admin());
        app = TestApp.register(realm.admin(), "it-level-", REDIRECT_URI);
        clientId = app.clientId();
        damingAsHeWas = daming().toRepresentation();
        // Someone who has done the first login: a password of his own, so binding asks for no password page.
        DemoUsers.givePassword(daming());

        world.reader().insert(DAMING_CARD);
        CardLoginClient binding = new CardLoginClient(world.readerUrl());
        binding.open(authorizationUrl(null));
        assertThat(binding.logInWithPinOnHomePage(pin()).shows("ecpa-binding-form")).isTrue();
        assertThat(binding.bind(DAMING_ID).redirectedToApplication()).as("王大明's card is bound").isTrue();
        daming().logout();
    }

    @AfterEach
    void putDamingBack() {
        UserResource daming = daming();
        daming.update(damingAsHeWas);
        DemoUsers.forgetCardLogins(daming);
        realm.admin().attackDetection().clearBruteForceForUser(damingAsHeWas.getId());
        people.close();
        settings.close();
        app.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Refusal.class)
    void givenARefusedCardThenAnotherPersonsPasswordStillMeetsTheCertificatePage(Refusal refusal) {
        String account = TestPeople.freshAccount("lvl");
        people.withAccount(account).givePassword(PASSWORD);
        refuse(refusal);

        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(authorizationUrl("certificate"));
        CardLoginClient.Page refused = browser.logInWithPinOnHomePage(pin());
        assertThat(refused.redirectedToApplication()).as("the refused holder is not logged in").isFalse();
        assertThat(refused.shows("kc-form-login")).as("back on the home page").isTrue();

        CardLoginClient.Page afterPassword = browser.logInWithPassword(account, PASSWORD);

        assertThat(afterPassword.redirectedToApplication())
                .as("a password must not reach the certificate level with someone else's refused card").isFalse();
        assertThat(afterPassword.shows("ecpa-certificate-form")).as("the 憑證登入 page asks for the person's own card").isTrue();
        assertThat(afterPassword.shows("kc-form-login")).as("the step-up page, not the home page").isFalse();
        assertThat(afterPassword.body()).contains(EcpaPages.messageIn("zh-Hant", "ecpa.certificate.title"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Refusal.class)
    void givenARefusedCardThenAPasswordLoginOnTheSamePageIsThePasswordLevel(Refusal refusal) {
        String account = TestPeople.freshAccount("lvl");
        people.withAccount(account).givePassword(PASSWORD);
        refuse(refusal);

        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(authorizationUrl(null));
        browser.logInWithPinOnHomePage(pin());
        CardLoginClient.Page done = browser.logInWithPassword(account, PASSWORD);

        assertThat(done.redirectedToApplication()).isTrue();
        JsonNode tokens = browser.tokens(realm.getBaseUrl(), clientId, REDIRECT_URI);
        for (String token : List.of("id_token", "access_token")) {
            JsonNode claims = OidcCodeFlow.claims(tokens.path(token).asText());
            assertThat(claims.path("acr").asText()).as("acr of the %s", token).isEqualTo("password");
            assertThat(claims.path("amr").toString()).as("amr of the %s", token).isEqualTo("[\"pwd\"]");
            assertThat(claims.path("preferred_username").asText()).isEqualTo(account);
        }
    }

    @Test
    void givenWrongPasswordsThatLockThePasswordBoxThenTheHoldersCardStillLogsHimIn() {
        CardLoginClient guesser = new CardLoginClient(world.readerUrl());
        guesser.open(authorizationUrl(null));
        for (int i = 0; i < 5; i++) {
            guesser.logInWithPassword(DAMING_ACCOUNT, "Wrong-guess-" + i + "!");
        }
        assertThat(realm.admin().attackDetection().bruteForceUserStatus(damingAsHeWas.getId()).get("disabled"))
                .as("王大明's password box is temporarily locked").isEqualTo(true);

        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(authorizationUrl(null));
        CardLoginClient.Page card = browser.logInWithPinOnHomePage(pin());

        assertThat(card.redirectedToApplication()).as("someone else's wrong passwords do not lock out the card: %s", card.body()).isTrue();
        JsonNode idToken = OidcCodeFlow.claims(browser.tokens(realm.getBaseUrl(), clientId, REDIRECT_URI).path("id_token").asText());
        assertThat(idToken.path("acr").asText()).isEqualTo("certificate");
        assertThat(idToken.path("amr").toString()).isEqualTo("[\"sc\",\"pin\"]");
    }

    @Test
    void givenTheHoldersOwnCardAfterTheirPasswordThenTheCertificateLevelComesWithSmartCardInAmr() {
        String password = DemoUsers.givePassword(daming());
        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(authorizationUrl("certificate"));
        assertThat(browser.logInWithPassword(DAMING_ACCOUNT, password).shows("ecpa-certificate-form")).isTrue();

        assertThat(browser.logInWithPin(pin()).redirectedToApplication()).isTrue();

        JsonNode tokens = browser.tokens(realm.getBaseUrl(), clientId, REDIRECT_URI);
        for (String token : List.of("id_token", "access_token")) {
            JsonNode claims = OidcCodeFlow.claims(tokens.path(token).asText());
            assertThat(claims.path("acr").asText()).as("acr of the %s", token).isEqualTo("certificate");
            assertThat(claims.path("amr").toString()).as("acr=certificate only with sc in amr").contains("\"sc\"");
        }
    }

    private void refuse(Refusal refusal) {
        UserResource daming = daming();
        switch (refusal) {
            case DISABLED -> {
                UserRepresentation rep = daming.toRepresentation();
                rep.setEnabled(false);
                daming.update(rep);
            }
            case DEPARTED -> {
                UserRepresentation rep = daming.toRepresentation();
                Map<String, List<String>> attributes = new java.util.HashMap<>(rep.getAttributes());
                attributes.put("employmentStatus", List.of("departed"));
                rep.setAttributes(attributes);
                daming.update(rep);
            }
        }
    }

    private UserResource daming() {
        return userByNationalId(DAMING_ID);
    }

    private String pin() {
        return world.catalogue().get(DAMING_CARD).pin();
    }

    private String authorizationUrl(String acrValues) {
        return app.authorizationUrl(realm.getBaseUrl(), acrValues);
    }
}

package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;

/**
 * A realm has one certificate configuration, {@code ecpa-certificate} on the home page's step, and every
 * certificate step reads it: changed through the admin API, it changes the home page's 憑證登入 box and
 * the step-up 憑證登入 page at once. A realm shaped like the older template (each certificate step with a
 * configuration of its own, none of that name) still logs in with a card, each step reading its own.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class OneCertificateConfigurationIT extends EcpaIntegrationTest {

    private static final String DAMING_ID = "A123456789";
    private static final String DAMING_ACCOUNT = "daming.wang";
    private static final String DAMING_CARD = "citizen-daming.wang";
    private static final String REDIRECT_URI = "http://127.0.0.1:9/callback";
    private static final String STEP_UP_FLOW = "ecpa certificate step-up";

    private CardWorld world;
    private BrowserFormsSettings settings;
    private TestApp app;
    private String password;

    @BeforeEach
    void anAppAndDamingsBoundCard(CardWorld world) {
        this.world = world;
        settings = BrowserFormsSettings.forCardWorld(realm.admin(), realmAdminApi(), world);
        app = TestApp.register(realm.admin(), "it-one-config-", REDIRECT_URI);
        password = DemoUsers.givePassword(daming());
        world.reader().insert(DAMING_CARD);
        CardLoginClient binding = new CardLoginClient(world.readerUrl());
        binding.open(authorizationUrl(null));
        assertThat(binding.logInWithPinOnHomePage(pin()).shows("ecpa-binding-form")).isTrue();
        assertThat(binding.bind(DAMING_ID).redirectedToApplication()).as("王大明's card is bound").isTrue();
        daming().logout();
    }

    @AfterEach
    void putTheRealmBack() {
        UserResource daming = daming();
        DemoUsers.forgetCardLogins(daming);
        settings.close();
        app.close();
    }

    @Test
    void givenTheOneConfigurationChangedThenTheHomePageAndTheStepUpPageBothOfferTheNewCardComponent() {
        String componentUrl = "http://localhost:" + (world.readerUrl().getPort() + 1);
        settings.certificates(CertificateConfiguration.settings().with(CertificateConfiguration.COMPONENT_URL, componentUrl));

        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        CardLoginClient.Page home = browser.open(authorizationUrl("certificate"));
        assertThat(home.body()).contains("data-component-url=\"" + componentUrl + "\"");
        CardLoginClient.Page stepUp = browser.logInWithPassword(DAMING_ACCOUNT, password);
        assertThat(stepUp.shows("ecpa-certificate-form")).as("the step-up 憑證登入 page").isTrue();
        assertThat(stepUp.body()).contains("data-component-url=\"" + componentUrl + "\"");

        assertThat(browser.logInWithPin(pin()).redirectedToApplication()).as("the card passes the step-up").isTrue();
    }

    @Test
    void givenTheOneConfigurationWithoutTrustAnchorsThenNeitherTheHomePageNorTheStepUpAcceptsTheCard() {
        settings.certificates(CertificateConfiguration.settings().with(CertificateConfiguration.TRUST_ANCHORS, ""));

        CardLoginClient onHome = new CardLoginClient(world.readerUrl());
        onHome.open(authorizationUrl(null));
        CardLoginClient.Page home = onHome.logInWithPinOnHomePage(pin());
        assertThat(home.redirectedToApplication()).isFalse();
        assertThat(home.body()).contains(EcpaPages.messageIn("zh-Hant", "ecpa.certificate.notConfigured"));

        CardLoginClient onStepUp = new CardLoginClient(world.readerUrl());
        onStepUp.open(authorizationUrl("certificate"));
        assertThat(onStepUp.logInWithPassword(DAMING_ACCOUNT, password).shows("ecpa-certificate-form")).isTrue();
        CardLoginClient.Page stepUp = onStepUp.logInWithPin(pin());
        assertThat(stepUp.redirectedToApplication()).isFalse();
        assertThat(stepUp.body()).contains(EcpaPages.messageIn("zh-Hant", "ecpa.certificate.notConfigured"));
    }

    @Test
    void givenARealmShapedLikeTheOlderTemplateThenEachStepReadsItsOwnAndTheCardStillLogsIn() {
        AuthenticationManagementResource flows = realm.admin().flows();
        AuthenticatorConfigRepresentation one = configOf("ecpa-home");
        Map<String, String> cards = new HashMap<>(one.getConfig());
        String homeComponent = "http://localhost:" + (world.readerUrl().getPort() + 1);
        String stepUpComponent = "http://localhost:" + (world.readerUrl().getPort() + 2);
        // The older template: the home step's configuration named "ecpa home", the step-up's its own copy.
        one.setAlias("ecpa home");
        one.getConfig().put(CertificateConfiguration.COMPONENT_URL, homeComponent);
        flows.updateAuthenticatorConfig(one.getId(), one);
        AuthenticatorConfigRepresentation own = new AuthenticatorConfigRepresentation();
        own.setAlias("ecpa certificate step-up");
        own.setConfig(new HashMap<>(cards));
        own.getConfig().put(CertificateConfiguration.COMPONENT_URL, stepUpComponent);
        String ownId;
        try (Response response = flows.newExecutionConfig(stepUpExecution().getId(), own)) {
            assertThat(response.getStatus()).isEqualTo(201);
            String location = response.getLocation().getPath();
            ownId = location.substring(location.lastIndexOf('/') + 1);
        }
        try {
            CardLoginClient onHome = new CardLoginClient(world.readerUrl());
            CardLoginClient.Page home = onHome.open(authorizationUrl(null));
            assertThat(home.body()).contains("data-component-url=\"" + homeComponent + "\"");
            assertThat(onHome.logInWithPinOnHomePage(pin()).redirectedToApplication()).as("the card on the home page").isTrue();

            CardLoginClient onStepUp = new CardLoginClient(world.readerUrl());
            onStepUp.open(authorizationUrl("certificate"));
            CardLoginClient.Page stepUp = onStepUp.logInWithPassword(DAMING_ACCOUNT, password);
            assertThat(stepUp.shows("ecpa-certificate-form")).isTrue();
            assertThat(stepUp.body()).as("the step-up reads its own configuration").contains("data-component-url=\"" + stepUpComponent + "\"");
            assertThat(onStepUp.logInWithPin(pin()).redirectedToApplication()).as("the card on the step-up page").isTrue();
        } finally {
            flows.removeAuthenticatorConfig(ownId);
            AuthenticatorConfigRepresentation back = flows.getAuthenticatorConfig(one.getId());
            back.setAlias(CertificateConfiguration.ALIAS);
            back.setConfig(cards);
            flows.updateAuthenticatorConfig(back.getId(), back);
        }
        assertThat(stepUpExecution().getAuthenticationConfig()).as("the step-up has no configuration again").isNull();
    }

    private AuthenticatorConfigRepresentation configOf(String providerId) {
        AuthenticationExecutionInfoRepresentation execution = realm.admin().flows().getExecutions("ecpa browser forms").stream()
                .filter(e -> providerId.equals(e.getProviderId())).findFirst().orElseThrow();
        return realm.admin().flows().getAuthenticatorConfig(execution.getAuthenticationConfig());
    }

    private AuthenticationExecutionInfoRepresentation stepUpExecution() {
        return realm.admin().flows().getExecutions(STEP_UP_FLOW).stream()
                .filter(e -> "ecpa-certificate".equals(e.getProviderId())).findFirst().orElseThrow();
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

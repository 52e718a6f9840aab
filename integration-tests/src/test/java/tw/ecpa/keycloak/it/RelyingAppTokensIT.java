package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;

/**
 * What a relying application sees, through the realm's own browser flow and a client made the way an
 * operator makes one (it gets the template's default client scopes): {@code acr} from the realm's
 * level-of-authentication mapping, {@code amr} per RFC 8176, the custom account and agency code, the
 * national ID only with the opt-in scope, and a certificate step-up when a client demands that level.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class RelyingAppTokensIT extends EcpaIntegrationTest {

    private static final String DAMING_ID = "A123456789";
    private static final String DAMING_ACCOUNT = "daming.wang";
    private static final String DAMING_CARD = "citizen-daming.wang";
    private static final String XIAOMEI_ID = "S223456660";
    private static final String XIAOMEI_CARD = "citizen-xiaomei.wang";
    private static final String REDIRECT_URI = "http://127.0.0.1:9/callback";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BrowserFormsSettings settings;
    private final HttpClient http = HttpClient.newHttpClient();
    private CardWorld world;
    private TestApp app;
    private String clientId;
    private String password;

    @BeforeEach
    void pointTheRealmsCertificateStepsAtTheCardWorldAndMakeAnApp(CardWorld world) {
        this.world = world;
        settings = BrowserFormsSettings.forCardWorld(realm.admin(), realmAdminApi(), world);

        app = TestApp.register(realm.admin(), "it-relying-app-", REDIRECT_URI);
        clientId = app.clientId();
        password = DemoUsers.givePassword(userByNationalId(DAMING_ID));
    }

    @AfterEach
    void restoreTheRealm() {
        settings.close();
        app.close();
        for (String id : List.of(DAMING_ID, XIAOMEI_ID)) {
            UserResource user = userByNationalId(id);
            user.credentials().stream()
                    .filter(c -> "ecpa-certificate".equals(c.getType()) || CredentialRepresentation.PASSWORD.equals(c.getType()))
                    .forEach(c -> user.removeCredential(c.getId()));
            user.logout();
        }
    }

    @Test
    void givenAPasswordLoginThenThePasswordLevelPwdTheAccountAndAgencyButNoNationalId() {
        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(authorizationUrl("openid", null));
        assertThat(browser.logInWithPassword(DAMING_ACCOUNT, password).redirectedToApplication()).isTrue();

        JsonNode tokens = browser.tokens(realm.getBaseUrl(), clientId, REDIRECT_URI);
        JsonNode idToken = OidcCodeFlow.claims(tokens.path("id_token").asText());
        JsonNode accessToken = OidcCodeFlow.claims(tokens.path("access_token").asText());
        JsonNode userinfo = userinfo(tokens.path("access_token").asText());

        for (JsonNode token : List.of(idToken, accessToken)) {
            assertThat(token.path("acr").asText()).isEqualTo("password");
            assertThat(token.path("amr").toString()).isEqualTo("[\"pwd\"]");
            assertThat(token.path("custom_account").asText()).isEqualTo(DAMING_ACCOUNT);
            assertThat(token.path("agency_code").asText()).isEqualTo("X10000000A");
            assertThat(token.path("name").asText()).as("a Chinese name family name first, as the portal writes it").isEqualTo("王大明");
        }
        assertThat(userinfo.path("name").asText()).isEqualTo("王大明");
        assertThat(userinfo.path("custom_account").asText()).isEqualTo(DAMING_ACCOUNT);
        assertThat(userinfo.path("agency_code").asText()).isEqualTo("X10000000A");
        assertThat(List.of(idToken, accessToken, userinfo)).allSatisfy(claims -> {
            assertThat(claims.has("national_id")).isFalse();
            assertThat(claims.toString()).doesNotContain(DAMING_ID);
        });
    }

    @Test
    void givenTheOptInScopeThenTheNationalIdIsInTheTokensAndUserinfo() {
        // An operator assigns the opt-in scope to the clients that may see the national ID.
        String scopeId = realm.admin().clientScopes().findAll().stream().filter(c -> "ecpa-national-id".equals(c.getName()))
                .findFirst().orElseThrow().getId();
        app.resource().addOptionalClientScope(scopeId);
        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(authorizationUrl("openid ecpa-national-id", null));
        browser.logInWithPassword(DAMING_ACCOUNT, password);

        JsonNode tokens = browser.tokens(realm.getBaseUrl(), clientId, REDIRECT_URI);

        assertThat(OidcCodeFlow.claims(tokens.path("id_token").asText()).path("national_id").asText()).isEqualTo(DAMING_ID);
        assertThat(OidcCodeFlow.claims(tokens.path("access_token").asText()).path("national_id").asText()).isEqualTo(DAMING_ID);
        assertThat(userinfo(tokens.path("access_token").asText()).path("national_id").asText()).isEqualTo(DAMING_ID);
        assertThat(tokens.path("scope").asText()).contains("ecpa-national-id");
    }

    @Test
    void givenACertificateLoginOnTheHomePageThenTheCertificateLevelAndSmartCardAndPin() {
        world.reader().insert(DAMING_CARD);
        CardLoginClient first = new CardLoginClient(world.readerUrl());
        first.open(authorizationUrl("openid", null));
        assertThat(first.logInWithPinOnHomePage(pinOf(DAMING_CARD)).shows("ecpa-binding-form")).isTrue();
        assertThat(first.bind(DAMING_ID).redirectedToApplication()).isTrue();
        assertCertificateLevel(first.tokens(realm.getBaseUrl(), clientId, REDIRECT_URI));

        CardLoginClient second = new CardLoginClient(world.readerUrl());
        second.open(authorizationUrl("openid", null));
        assertThat(second.logInWithPinOnHomePage(pinOf(DAMING_CARD)).redirectedToApplication()).as("bound: the PIN alone").isTrue();
        assertCertificateLevel(second.tokens(realm.getBaseUrl(), clientId, REDIRECT_URI));
    }

    @Test
    void givenAPasswordSessionThenAClientDemandingTheCertificateLevelStepsUpWithTheCertificatePage() {
        bindDamingsCard();
        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(authorizationUrl("openid", null));
        browser.logInWithPassword(DAMING_ACCOUNT, password);
        JsonNode passwordLevel = OidcCodeFlow.claims(browser.tokens(realm.getBaseUrl(), clientId, REDIRECT_URI).path("id_token").asText());
        assertThat(passwordLevel.path("acr").asText()).isEqualTo("password");

        CardLoginClient.Page stepUp = browser.open(authorizationUrl("openid", "certificate"));

        assertThat(stepUp.shows("ecpa-certificate-form")).as("the 憑證登入 page").isTrue();
        assertThat(stepUp.shows("kc-form-login")).as("not the home page with the password box").isFalse();
        assertThat(browser.logInWithPin(pinOf(DAMING_CARD)).redirectedToApplication()).isTrue();
        JsonNode tokens = browser.tokens(realm.getBaseUrl(), clientId, REDIRECT_URI);
        assertCertificateLevel(tokens);
        assertThat(OidcCodeFlow.claims(tokens.path("id_token").asText()).path("sub").asText())
                .isEqualTo(passwordLevel.path("sub").asText());

        CardLoginClient.Page sso = browser.open(authorizationUrl("openid", null));
        assertThat(sso.redirectedToApplication()).as("SSO, no page").isTrue();
        assertThat(OidcCodeFlow.claims(browser.tokens(realm.getBaseUrl(), clientId, REDIRECT_URI).path("id_token").asText())
                .path("acr").asText()).as("the session keeps the certificate level").isEqualTo("certificate");
    }

    @Test
    void givenAPasswordSessionThenTheStepUpPageNamesThePersonWithTheirLoginMethod() throws IOException {
        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(authorizationUrl("openid", null));
        browser.logInWithPassword(DAMING_ACCOUNT, password);
        browser.tokens(realm.getBaseUrl(), clientId, REDIRECT_URI);

        CardLoginClient.Page stepUp = browser.open(authorizationUrl("openid", "certificate"));
        assertThat(stepUp.shows("ecpa-certificate-form")).as("the 憑證登入 page").isTrue();
        // The page's header fills 「name@agency (login method)」 from the chrome endpoint, for this tab.
        CardLoginClient.Page chrome = browser.open(realm.getBaseUrl() + "/ecpa-portal/chrome?client_id=" + clientId
                + "&tab_id=" + attribute(stepUp.body(), "data-tab-id") + "&lang=zh-Hant");

        JsonNode person = JSON.readTree(chrome.body()).path("person");
        assertThat(person.path("name").asText()).isEqualTo("王大明");
        assertThat(person.path("method").asText()).as("the step-up page knows how the person came in").isEqualTo("password");
    }

    private static String attribute(String html, String name) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
        assertThat(value.find()).as("%s on the page", name).isTrue();
        return value.group(1);
    }

    @Test
    void givenAClientDemandingTheCertificateLevelThenACardUsedOnTheHomePageIsNotAskedForAgain() {
        bindDamingsCard();
        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(authorizationUrl("openid", "certificate"));

        CardLoginClient.Page page = browser.logInWithPinOnHomePage(pinOf(DAMING_CARD));

        assertThat(page.redirectedToApplication()).as("one PIN was enough: %s", page.body()).isTrue();
        assertCertificateLevel(browser.tokens(realm.getBaseUrl(), clientId, REDIRECT_URI));
    }

    @Test
    void givenAnEssentialCertificateAcrClaimThenAPasswordOnTheHomePageIsFollowedByTheCertificatePage() {
        bindDamingsCard();
        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(authorizationUrl("openid", null)
                + "&claims=" + URLEncoder.encode("{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"certificate\"]}}}", StandardCharsets.UTF_8));

        CardLoginClient.Page stepUp = browser.logInWithPassword(DAMING_ACCOUNT, password);

        assertThat(stepUp.shows("ecpa-certificate-form")).as("the 憑證登入 page after the password").isTrue();
        assertThat(browser.logInWithPin(pinOf(DAMING_CARD)).redirectedToApplication()).isTrue();
        assertCertificateLevel(browser.tokens(realm.getBaseUrl(), clientId, REDIRECT_URI));
    }

    @Test
    void givenAPasswordSessionThenAStepUpWithSomeoneElsesCardIsRefused() {
        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(authorizationUrl("openid", null));
        browser.logInWithPassword(DAMING_ACCOUNT, password);
        browser.tokens(realm.getBaseUrl(), clientId, REDIRECT_URI);
        world.reader().insert(XIAOMEI_CARD);
        browser.open(authorizationUrl("openid", "certificate"));

        CardLoginClient.Page refused = browser.logInWithPin(pinOf(XIAOMEI_CARD));

        assertThat(refused.shows("ecpa-certificate-form")).isTrue();
        assertThat(refused.body()).contains(EcpaPages.messageIn("zh-Hant", "ecpa.certificate.stepUpOtherCard"));
        EventRepresentation error = realm.admin().getEvents(List.of("LOGIN_ERROR"), clientId, null, null, null, null, 0, 1).get(0);
        assertThat(error.getError()).isEqualTo("ecpa_certificate_not_signed_in_persons");
        assertThat(userByNationalId(XIAOMEI_ID).credentials()).noneMatch(c -> "ecpa-certificate".equals(c.getType()));
    }

    private void bindDamingsCard() {
        world.reader().insert(DAMING_CARD);
        CardLoginClient binding = new CardLoginClient(world.readerUrl());
        binding.open(authorizationUrl("openid", null));
        binding.logInWithPinOnHomePage(pinOf(DAMING_CARD));
        assertThat(binding.bind(DAMING_ID).redirectedToApplication()).isTrue();
    }

    private static void assertCertificateLevel(JsonNode tokens) {
        for (String token : List.of("id_token", "access_token")) {
            JsonNode claims = OidcCodeFlow.claims(tokens.path(token).asText());
            assertThat(claims.path("acr").asText()).as("acr of the %s", token).isEqualTo("certificate");
            assertThat(claims.path("amr").toString()).as("amr of the %s", token).isEqualTo("[\"sc\",\"pin\"]");
        }
    }

    private String pinOf(String cardId) {
        return world.catalogue().get(cardId).pin();
    }

    private String authorizationUrl(String scope, String acrValues) {
        return AuthorizationRequest.url(realm.getBaseUrl(), clientId, REDIRECT_URI, scope, acrValues);
    }

    private JsonNode userinfo(String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("userinfo: %s", response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * 自然人憑證上傳 (my area): a person signed in with a password binds their citizen card through the
 * application-initiated action {@code ecpa-bind-certificate}, at HTTP level through the virtual card
 * reader, with the certificate settings of the flow the login used; then removes it again through
 * Keycloak's {@code delete_credential} action, which asks for the password again first.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class CardUploadIT extends EcpaIntegrationTest {

    private static final String YIJUN_ID = DemoUsers.SET_UP_NATIONAL_ID;
    private static final String YIJUN = DemoUsers.SET_UP_ACCOUNT;
    private static final String XIAOMEI_ID = "S223456660";
    private static final String DAMING_ID = "A123456789";
    private static final Set<String> PEOPLE = Set.of(YIJUN_ID, XIAOMEI_ID, DAMING_ID);
    private static final String TYPE = "ecpa-certificate";

    private CardWorld world;
    private CertificateLoginFlow flow;
    private CardLoginClient browser;

    @BeforeEach
    void aFlowWithTheHomePageAndTheCardWorld(CardWorld world) {
        this.world = world;
        flow = CertificateLoginFlow.withHomePage(realm.admin(), realmAdminApi(), world);
        browser = new CardLoginClient(world.readerUrl());
    }

    @AfterEach
    void unbindAndForget() {
        flow.close();
        for (String id : PEOPLE) {
            UserResource user = userByNationalId(id);
            user.credentials().stream().filter(c -> TYPE.equals(c.getType())).forEach(c -> user.removeCredential(c.getId()));
            user.logout();
            realm.admin().attackDetection().clearBruteForceForUser(user.toRepresentation().getId());
        }
    }

    /** Signed in with 帳號登入 in a fresh client, back at the application. */
    private CardLoginClient signedIn(String nationalId, String account) {
        String password = DemoUsers.givePassword(userByNationalId(nationalId));
        CardLoginClient client = new CardLoginClient(world.readerUrl());
        client.open(flow.authorizationUrl(realm.getBaseUrl()));
        CardLoginClient.Page page = client.logInWithPassword(account, password);
        assertThat(page.redirectedToApplication()).as("signed in with the password: " + page.body()).isTrue();
        return client;
    }

    /** The application sends the signed-in person to 自然人憑證上傳. */
    private CardLoginClient.Page openBinding(CardLoginClient client, String cardId) {
        world.reader().insert(cardId);
        CardLoginClient.Page page = client.open(flow.authorizationUrl(realm.getBaseUrl()) + "&kc_action=ecpa-bind-certificate");
        assertThat(page.body()).contains("template: ecpa-bind-certificate.ftl");
        assertThat(page.shows("ecpa-certificate-form")).isTrue();
        return page;
    }

    private String pinOf(String cardId) {
        return world.catalogue().get(cardId).pin();
    }

    private String serialOf(String cardId) {
        return world.pki().card(cardId).serialNumber().toString(16);
    }

    private List<CredentialRepresentation> boundCertificates(String nationalId) {
        return userByNationalId(nationalId).credentials().stream().filter(c -> TYPE.equals(c.getType())).toList();
    }

    private EventRepresentation lastEvent(String type, String nationalId) {
        List<EventRepresentation> events = realm.admin().getEvents(List.of(type), flow.clientId(),
                userByNationalId(nationalId).toRepresentation().getId(), null, null, null, 0, 1);
        assertThat(events).as("a " + type + " event").isNotEmpty();
        return events.get(0);
    }

    private static String message(String key, Object... params) {
        return EcpaPages.messageIn("zh-Hant", key, params);
    }

    private static boolean backWith(CardLoginClient.Page page, String status) {
        return page.location() != null && page.location().toString().contains("kc_action_status=" + status);
    }

    @Test
    void givenASignedInPersonThenTheirOwnCardIsBoundAndThenLogsThemInWithThePinAlone() {
        CardLoginClient client = signedIn(YIJUN_ID, YIJUN);
        openBinding(client, "citizen-yijun.lin");

        CardLoginClient.Page done = client.logInWithPin(pinOf("citizen-yijun.lin"));

        assertThat(backWith(done, "success")).as("back at the application: " + done.location() + done.body()).isTrue();
        List<CredentialRepresentation> bound = boundCertificates(YIJUN_ID);
        assertThat(bound).hasSize(1);
        assertThat(bound.get(0).getCredentialData()).contains(serialOf("citizen-yijun.lin"));
        assertThat(bound.get(0).getUserLabel()).as("issuer, serial and validity")
                .contains("內政部憑證管理中心").containsIgnoringCase(serialOf("citizen-yijun.lin")).matches(".*\\(\\d{4}-\\d\\d-\\d\\d – \\d{4}-\\d\\d-\\d\\d\\)");
        assertThat(bound.get(0).getCreatedDate()).as("when bound").isNotNull();

        EventRepresentation event = lastEvent("UPDATE_CREDENTIAL", YIJUN_ID);
        assertThat(event.getDetails()).containsEntry("credential_type", TYPE)
                .containsEntry("certificate_serial", serialOf("citizen-yijun.lin")).containsEntry("certificate_bound", "true");
        assertThat(String.valueOf(event.getDetails())).doesNotContain(pinOf("citizen-yijun.lin")).doesNotContain(YIJUN_ID);

        String credentialData = boundCertificates(YIJUN_ID).get(0).getCredentialData();
        String dayBefore = today();
        CardLoginClient card = new CardLoginClient(world.readerUrl());
        card.open(flow.authorizationUrl(realm.getBaseUrl()));
        CardLoginClient.Page login = card.logInWithPinOnHomePage(pinOf("citizen-yijun.lin"));
        assertThat(login.redirectedToApplication()).as("PIN-only login: " + login.body()).isTrue();
        JsonNode tokens = card.tokens(realm.getBaseUrl(), flow.clientId(), CertificateLoginFlow.REDIRECT_URI);
        assertThat(OidcCodeFlow.claims(tokens.path("id_token").asText()).path("preferred_username").asText()).isEqualTo(YIJUN);
        String dayAfter = today();

        // "Last used" is kept in the card's binding row: the login leaves the credential as it was.
        assertThat(boundCertificates(YIJUN_ID).get(0).getCredentialData()).as("the credential is not written on a login")
                .isEqualTo(credentialData).doesNotContain("lastUsedAt");
        String label = boundCardLabel(tokens.path("access_token").asText());
        assertThat(label).as("the account console shows the last use").doesNotContain(message("ecpa.myArea.cardNeverUsed"))
                .satisfiesAnyOf(l -> assertThat(l).contains(message("ecpa.myArea.cardLastUsed", dayBefore)),
                        l -> assertThat(l).contains(message("ecpa.myArea.cardLastUsed", dayAfter)));
    }

    /** Today in Taiwan, as the account console writes the day of a card's last use. */
    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Taipei")).toString();
    }

    /** The account console's line about the person's one bound card. */
    private String boundCardLabel(String token) {
        for (JsonNode type : accountCredentials(token)) {
            if (TYPE.equals(type.path("type").asText())) {
                return type.path("userCredentialMetadatas").get(0).path("credential").path("userLabel").asText();
            }
        }
        throw new AssertionError("no bound card on the account console's Signing in");
    }

    @Test
    void givenTheAccountConsoleThenBoundCardsAreListedWithTheirSetUpAction() {
        CardLoginClient client = signedIn(YIJUN_ID, YIJUN);
        openBinding(client, "citizen-yijun.lin");
        client.logInWithPin(pinOf("citizen-yijun.lin"));
        CardLoginClient app = signedIn(YIJUN_ID, YIJUN);
        String token = app.accessToken(realm.getBaseUrl(), flow.clientId(), CertificateLoginFlow.REDIRECT_URI);

        JsonNode types = accountCredentials(token);

        JsonNode cards = null;
        for (JsonNode type : types) {
            if (TYPE.equals(type.path("type").asText())) {
                cards = type;
            }
        }
        assertThat(cards).as("bound cards on the account console's Signing in: " + types).isNotNull();
        assertThat(cards.path("createAction").asText()).isEqualTo("ecpa-bind-certificate");
        assertThat(cards.path("removeable").asBoolean()).isTrue();
        assertThat(cards.path("displayName").asText()).isEqualTo("ecpa-certificate-display-name");
        JsonNode label = cards.path("userCredentialMetadatas").get(0).path("credential").path("userLabel");
        assertThat(label.asText()).containsIgnoringCase(serialOf("citizen-yijun.lin")).contains(" · ");
    }

    @Test
    void givenAnotherPersonsCardThenTheHolderCheckRefusesItAndNothingIsBound() {
        CardLoginClient client = signedIn(YIJUN_ID, YIJUN);
        openBinding(client, "citizen-xiaomei.wang");

        CardLoginClient.Page refused = client.logInWithPin(pinOf("citizen-xiaomei.wang"));

        assertThat(refused.body()).contains(message("ecpa.myArea.holderMismatch"));
        assertThat(refused.shows("ecpa-certificate-form")).as("a new try on the same page").isTrue();
        assertThat(boundCertificates(YIJUN_ID)).isEmpty();
        assertThat(boundCertificates(XIAOMEI_ID)).isEmpty();
        EventRepresentation event = lastEvent("UPDATE_CREDENTIAL_ERROR", YIJUN_ID);
        assertThat(event.getError()).isEqualTo("ecpa_holder_mismatch");
        assertThat(event.getDetails()).containsEntry("credential_type", TYPE);
    }

    @Test
    void givenACardBoundToSomeoneElseThenItIsRefused() {
        CardLoginClient xiaomei = signedIn(XIAOMEI_ID, "xiaomei.wang");
        openBinding(xiaomei, "citizen-xiaomei.wang");
        xiaomei.logInWithPin(pinOf("citizen-xiaomei.wang"));
        assertThat(boundCertificates(XIAOMEI_ID)).hasSize(1);

        CardLoginClient client = signedIn(YIJUN_ID, YIJUN);
        openBinding(client, "citizen-xiaomei.wang");
        CardLoginClient.Page refused = client.logInWithPin(pinOf("citizen-xiaomei.wang"));

        assertThat(refused.body()).contains(message("ecpa.binding.boundToAnother"));
        assertThat(boundCertificates(YIJUN_ID)).isEmpty();
        assertThat(boundCertificates(XIAOMEI_ID)).hasSize(1);
        assertThat(lastEvent("UPDATE_CREDENTIAL_ERROR", YIJUN_ID).getError()).isEqualTo("ecpa_certificate_bound_to_another");
    }

    @Test
    void givenARevokedCardThenItIsRefusedAndARenewedCardIsBoundBesideTheOldOne() {
        CardLoginClient client = signedIn(DAMING_ID, "daming.wang");
        openBinding(client, "variant-revoked");
        CardLoginClient.Page refused = client.logInWithPin(pinOf("variant-revoked"));
        assertThat(refused.body()).contains(message("ecpa.certificate.revoked"));
        assertThat(boundCertificates(DAMING_ID)).isEmpty();
        assertThat(lastEvent("UPDATE_CREDENTIAL_ERROR", DAMING_ID).getError()).isEqualTo("ecpa_certificate_revoked");

        world.reader().insert("citizen-daming.wang");
        client.open(flow.authorizationUrl(realm.getBaseUrl()) + "&kc_action=ecpa-bind-certificate");
        assertThat(backWith(client.logInWithPin(pinOf("citizen-daming.wang")), "success")).isTrue();
        world.reader().insert("variant-valid");
        client.open(flow.authorizationUrl(realm.getBaseUrl()) + "&kc_action=ecpa-bind-certificate");
        assertThat(backWith(client.logInWithPin(pinOf("variant-valid")), "success")).isTrue();

        assertThat(boundCertificates(DAMING_ID)).hasSize(2);
        assertThat(boundCertificates(DAMING_ID)).extracting(CredentialRepresentation::getCredentialData)
                .as("each binding is keyed by its certificate's SHA-256").allMatch(data -> data.matches(".*\"certificateSha256\":\"[0-9a-f]{64}\".*"));
        assertThat(attributes(DAMING_ID)).as("new bindings need no attribute index").doesNotContainKey("ecpaCertificate");

        // Removed by an administrator (Keycloak's credentials tab), then bound again: the binding left behind binds nothing.
        UserResource daming = userByNationalId(DAMING_ID);
        boundCertificates(DAMING_ID).forEach(c -> daming.removeCredential(c.getId()));
        world.reader().insert("variant-valid");
        client.open(flow.authorizationUrl(realm.getBaseUrl()) + "&kc_action=ecpa-bind-certificate");
        assertThat(backWith(client.logInWithPin(pinOf("variant-valid")), "success")).isTrue();
        assertThat(boundCertificates(DAMING_ID)).hasSize(1);
    }

    @Test
    void givenABoundCardThenRemovingItAsksForThePasswordAgainAndTheCardNoLongerLogsIn() throws InterruptedException {
        CardLoginClient client = signedIn(YIJUN_ID, YIJUN);
        openBinding(client, "citizen-yijun.lin");
        client.logInWithPin(pinOf("citizen-yijun.lin"));
        String credentialId = boundCertificates(YIJUN_ID).get(0).getId();
        String password = DemoUsers.givePassword(userByNationalId(YIJUN_ID));
        // delete_credential's max_auth_age is 0 in the realm template, counted in whole seconds: a login is
        // "older than 0 seconds" from the next second on.
        Thread.sleep(1100);

        CardLoginClient.Page again = client.open(flow.authorizationUrl(realm.getBaseUrl()) + "&kc_action=delete_credential:" + credentialId);
        assertThat(again.shows("kc-form-login")).as("the home page asks who this is again: " + again.body()).isTrue();
        assertThat(boundCertificates(YIJUN_ID)).hasSize(1);

        CardLoginClient.Page confirm = client.logInWithPassword(YIJUN, password);
        assertThat(confirm.body()).contains("template: delete-credential.ftl");
        CardLoginClient.Page removed = client.submitFormAfter("template: delete-credential.ftl", Map.of("accept", ""));

        assertThat(backWith(removed, "success")).as("back at the application: " + removed.location()).isTrue();
        assertThat(boundCertificates(YIJUN_ID)).isEmpty();
        assertThat(lastEvent("REMOVE_CREDENTIAL", YIJUN_ID).getDetails()).containsEntry("credential_type", TYPE);

        CardLoginClient card = new CardLoginClient(world.readerUrl());
        world.reader().insert("citizen-yijun.lin");
        card.open(flow.authorizationUrl(realm.getBaseUrl()));
        CardLoginClient.Page login = card.logInWithPinOnHomePage(pinOf("citizen-yijun.lin"));
        assertThat(login.redirectedToApplication()).as("the removed card logs nobody in").isFalse();
        assertThat(login.shows("ecpa-binding-form")).as("a card bound to nobody: the first-login binding page").isTrue();
    }

    @Test
    void givenThePersonnelConsoleThenTheHelpDeskSeesWhetherACardIsBoundButNotWhichOne() {
        try (PersonnelApiClient api = new PersonnelApiClient(realm.getBaseUrl(), realm.admin());
             DemoHelpDesk helpDesk = new DemoHelpDesk(realm.admin(), realmAdminApi(), world)) {
            String token = helpDesk.consoleToken(api);
            assertThat(api.search(token, YIJUN_ID, "ticket 9").body().path("hasBoundCertificate").asBoolean()).isFalse();

            CardLoginClient client = signedIn(YIJUN_ID, YIJUN);
            openBinding(client, "citizen-yijun.lin");
            client.logInWithPin(pinOf("citizen-yijun.lin"));

            PersonnelApiClient.Answer found = api.search(token, YIJUN_ID, "ticket 9");
            assertThat(found.body().path("hasBoundCertificate").asBoolean()).isTrue();
            assertThat(found.body().toString()).doesNotContainIgnoringCase(serialOf("citizen-yijun.lin"));
        }
    }

    private Map<String, List<String>> attributes(String nationalId) {
        Map<String, List<String>> attributes = userByNationalId(nationalId).toRepresentation().getAttributes();
        return attributes == null ? Map.of() : attributes;
    }

    private JsonNode accountCredentials(String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/account/credentials"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;

/**
 * 憑證即將到期: 王大明's only bound card ends in 20 days (the virtual card world's {@code variant-expiring-soon}).
 * After his first login (binding, password, 操作成功) he reads when it ends and how to bind the renewed
 * certificate, once that day; the account console's sign-in list says it beside the card; with the renewed
 * card bound beside it, nothing is said. The notice's mark ({@value #SHOWN_ON}) names the card it was shown for,
 * so each test's fresh binding starts unmarked (administrators may only view that attribute, not remove it).
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class CardExpiryNoticeIT extends EcpaIntegrationTest {

    private static final String DAMING_ID = "A123456789";
    private static final String EXPIRING = "variant-expiring-soon";
    private static final String VARIANT_PIN = "123456";
    private static final String SHOWN_ON = "ecpaCardExpiryNoticeOn";

    private CardWorld world;
    private CertificateLoginFlow flow;

    @BeforeEach
    void aFlowOfTheCertificateSteps(CardWorld world) {
        this.world = world;
        flow = new CertificateLoginFlow(realm.admin(), realmAdminApi(), world);
    }

    @AfterEach
    void unbindAndForget() {
        flow.close();
        UserResource user = userByNationalId(DAMING_ID);
        DemoUsers.forgetCardLogins(user);
        realm.admin().attackDetection().clearBruteForceForUser(user.toRepresentation().getId());
    }

    @Test
    void givenABoundCardEndingWithinThirtyDaysThenTheFirstLoginEndsWithTheNoticeOnceThatDay() {
        CardLoginClient browser = loginWith(EXPIRING, VARIANT_PIN);
        browser.bind(DAMING_ID);
        CardLoginClient.Page notice = browser.setNewPassword(RunSecrets.password("Daming-expiring-7x"));
        assertThat(notice.shows("ecpa-password-saved-form")).as("操作成功 first: " + notice.body()).isTrue();
        notice = browser.continueAfterPasswordSaved();

        LocalDate lastDay = lastDayOf(EXPIRING);
        long daysLeft = ChronoUnit.DAYS.between(LocalDate.now(TAIWAN), lastDay);
        assertThat(notice.shows("ecpa-card-expiry-form")).as("the expiry notice: " + notice.body()).isTrue();
        assertThat(notice.body())
                .contains(message("ecpa.cardExpiry.title"))
                .contains(message("ecpa.cardExpiry.notice", lastDay.toString(), Long.toString(daysLeft)))
                .contains(serialOf(EXPIRING).toUpperCase(java.util.Locale.ROOT))
                .contains(message("ecpa.cardExpiry.renew"))
                .contains(message("ecpa.cardExpiry.bind"))
                .contains("049-2359108");
        assertThat(daysLeft).isBetween(7L, 30L);
        assertThat(userByNationalId(DAMING_ID).toRepresentation().firstAttribute(SHOWN_ON)).as("shown today, of this card")
                .isEqualTo(LocalDate.now(TAIWAN) + " " + boundCardId());
        assertThat(browser.submit("ecpa-card-expiry-form", Map.of("continue", "")).redirectedToApplication())
                .as("繼續 goes on to the application").isTrue();

        CardLoginClient again = loginWith(EXPIRING, VARIANT_PIN);
        assertThat(again.page().redirectedToApplication()).as("the second login that day: straight to the app").isTrue();
    }

    @Test
    void givenABoundCardEndingWithinThirtyDaysThenTheAccountConsoleSaysSoBesideIt() {
        CardLoginClient browser = loginWith(EXPIRING, VARIANT_PIN);
        browser.bind(DAMING_ID);
        CardLoginClient.Page notice = browser.setFirstPassword(RunSecrets.password("Daming-expiring-7x"));
        assertThat(notice.shows("ecpa-card-expiry-form")).as("the expiry notice: " + notice.body()).isTrue();
        browser.submit("ecpa-card-expiry-form", Map.of("continue", ""));
        String token = browser.accessToken(realm.getBaseUrl(), flow.clientId(), CertificateLoginFlow.REDIRECT_URI);

        List<String> labels = cardLabels(token);

        LocalDate lastDay = lastDayOf(EXPIRING);
        String days = Long.toString(ChronoUnit.DAYS.between(LocalDate.now(TAIWAN), lastDay));
        assertThat(labels).singleElement().asString().containsIgnoringCase(serialOf(EXPIRING)).containsAnyOf(
                EcpaPages.messageIn("zh-Hant", "ecpa.myArea.cardExpiring", lastDay.toString(), days),
                EcpaPages.messageIn("en", "ecpa.myArea.cardExpiring", lastDay.toString(), days));
    }

    @Test
    void givenTheRenewedCardBoundBesideItThenNoNotice() {
        // 王大明's renewed certificate (his own five-year card) is bound first, at his first login.
        CardLoginClient first = loginWith("citizen-daming.wang", world.catalogue().get("citizen-daming.wang").pin());
        first.bind(DAMING_ID);
        assertThat(first.setFirstPassword(RunSecrets.password("Daming-expiring-7x")).redirectedToApplication())
                .as("no card ends soon: straight to the application").isTrue();

        // Then the old card, ending in 20 days, bound beside it by his custom account: nothing to say.
        CardLoginClient old = loginWith(EXPIRING, VARIANT_PIN);
        CardLoginClient.Page bound = old.bind("daming.wang");
        assertThat(bound.redirectedToApplication()).as("bound, and straight to the application: " + bound.body()).isTrue();
        String oldCardId = userByNationalId(DAMING_ID).credentials().stream()
                .filter(c -> "ecpa-certificate".equals(c.getType()) && c.getCredentialData().contains(serialOf(EXPIRING)))
                .findFirst().orElseThrow().getId();
        assertThat(String.valueOf(userByNationalId(DAMING_ID).toRepresentation().firstAttribute(SHOWN_ON))).as("never shown for the old card")
                .doesNotContain(oldCardId);
    }

    private static final ZoneId TAIWAN = ZoneId.of("Asia/Taipei");

    private CardLoginClient loginWith(String cardId, String pin) {
        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        world.reader().insert(cardId);
        browser.open(flow.authorizationUrl(realm.getBaseUrl()));
        browser.logInWithPin(pin);
        return browser;
    }

    private String boundCardId() {
        return userByNationalId(DAMING_ID).credentials().stream().filter(c -> "ecpa-certificate".equals(c.getType()))
                .findFirst().orElseThrow().getId();
    }

    private LocalDate lastDayOf(String cardId) {
        return world.pki().card(cardId).certificate().getNotAfter().toInstant().atZone(TAIWAN).toLocalDate();
    }

    private String serialOf(String cardId) {
        return world.pki().card(cardId).serialNumber().toString(16);
    }

    private static String message(String key, Object... params) {
        return EcpaPages.messageIn("zh-Hant", key, params);
    }

    /** The account console's sign-in list: the labels of the bound cards, as the person reads them. */
    private List<String> cardLabels(String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/account/credentials"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            for (JsonNode type : new ObjectMapper().readTree(response.body())) {
                if ("ecpa-certificate".equals(type.path("type").asText())) {
                    return type.path("userCredentialMetadatas").findValues("userLabel").stream().map(JsonNode::asText).toList();
                }
            }
            throw new AssertionError("no bound cards on the account console's sign-in list: " + response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

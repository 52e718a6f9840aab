package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.ecpa.keycloak.it.ManagementInterface.increase;

import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;

/**
 * What an operator reads on the management interface (docs/operations.md, "Metrics and alerts"): a refused
 * and an accepted card login and a refused 帳號登入 move the ecpa series with their labels, Keycloak's own
 * user-event metrics count the same refusal by its error, and no label holds what a person typed or owns.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class MetricsIT extends EcpaIntegrationTest {

    private static final String REVOKED_CARD = "variant-revoked";
    private static final String MINISTRY_CARD = "agency-x10000000a";
    private static final String MINISTRY_ACCOUNT = "ecpa-agency-x10000000a";
    /** The PIN of the card world's variant cards. */
    private static final String VARIANT_PIN = "123456";
    private static final String APP_REDIRECT = "http://127.0.0.1:9/metrics-it";

    private static final String REVOKED_LOGIN = "ecpa_logins_total{error=\"ecpa_certificate_revoked\",method=\"certificate\",outcome=\"failure\"}";
    private static final String AGENCY_LOGIN = "ecpa_logins_total{error=\"\",method=\"agency-certificate\",outcome=\"success\"}";
    private static final String UNKNOWN_ACCOUNT = "ecpa_logins_total{error=\"user_not_found\",method=\"password\",outcome=\"failure\"}";
    private static final String CRL_REVOKED = "ecpa_revocation_checks_seconds_count{outcome=\"revoked\",source=\"crl\"}";
    private static final String CRL_GOOD = "ecpa_revocation_checks_seconds_count{outcome=\"good\",source=\"crl\"}";
    private static final String OCSP_GOOD = "ecpa_revocation_checks_seconds_count{outcome=\"good\",source=\"ocsp\"}";
    private static final String KEYCLOAK_REVOKED = "keycloak_user_events_total{error=\"ecpa_certificate_revoked\",event=\"login\",realm=\"ecpa\"}";

    private final ManagementInterface management = new ManagementInterface();
    private CardWorld world;
    private CertificateLoginFlow flow;
    private TestApp app;

    @BeforeEach
    void aFlowOfTheCertificateStepsAndAnApplicationOnTheRealmsOwnFlow(CardWorld world) {
        this.world = world;
        flow = new CertificateLoginFlow(realm.admin(), realmAdminApi(), world);
        app = TestApp.register(realm.admin(), "it-metrics-", APP_REDIRECT);
    }

    @AfterEach
    void forgetTheAgencyAccount() {
        app.close();
        flow.close();
        realm.admin().users().search(MINISTRY_ACCOUNT, true).stream().findFirst()
                .ifPresent(account -> realm.admin().users().get(account.getId()).remove());
    }

    @Test
    void theLoginsMoveTheEcpaSeriesAndKeycloaksOwnByMethodAndError() {
        flow.setCertificateSetting(CertificateConfiguration.REVOCATION_MODE, "BOTH");
        Map<String, Double> before = management.metrics();

        assertThat(logInWithCard(REVOKED_CARD, VARIANT_PIN).shows("ecpa-certificate-form")).as("the revoked card is refused").isTrue();
        assertThat(logInWithCard(MINISTRY_CARD, world.catalogue().get(MINISTRY_CARD).pin()).redirectedToApplication()).as("the agency card logs in").isTrue();
        String unknown = "metrics.nobody";
        CardLoginClient browser = new CardLoginClient();
        browser.open(AuthorizationRequest.url(realm.getBaseUrl(), app.clientId(), APP_REDIRECT));
        assertThat(browser.logInWithPassword(unknown, RunSecrets.password("Metrics-it-9x")).status()).as("the home page again, with its message").isEqualTo(200);

        Map<String, Double> after = management.metricsOnce(now -> increase(before, now, UNKNOWN_ACCOUNT) >= 1
                && increase(before, now, AGENCY_LOGIN) >= 1 && increase(before, now, REVOKED_LOGIN) >= 1);

        assertThat(increase(before, after, REVOKED_LOGIN)).as(REVOKED_LOGIN).isEqualTo(1);
        assertThat(increase(before, after, AGENCY_LOGIN)).as(AGENCY_LOGIN).isEqualTo(1);
        assertThat(increase(before, after, UNKNOWN_ACCOUNT)).as(UNKNOWN_ACCOUNT).isEqualTo(1);
        assertThat(increase(before, after, CRL_REVOKED)).as("the revoked card's CRL answer: %s", CRL_REVOKED).isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, CRL_GOOD)).as("the agency card's CRL answers: %s", CRL_GOOD).isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, OCSP_GOOD)).as("the agency card's OCSP answer: %s", OCSP_GOOD).isGreaterThanOrEqualTo(1);
        assertThat(after).as("the revocation latency histogram").containsKey(
                "ecpa_revocation_checks_seconds_bucket{outcome=\"good\",source=\"crl\",le=\"+Inf\"}");
        assertThat(increase(before, after, KEYCLOAK_REVOKED)).as("Keycloak's user-event metrics: %s", KEYCLOAK_REVOKED).isEqualTo(1);

        String serial = world.pki().card(MINISTRY_CARD).serialNumber().toString(16);
        String revokedSerial = world.pki().card(REVOKED_CARD).serialNumber().toString(16);
        Predicate<String> personal = series -> series.contains(unknown) || series.contains(serial)
                || series.contains(revokedSerial) || series.contains(MINISTRY_ACCOUNT);
        assertThat(after.keySet().stream().filter(series -> series.startsWith("ecpa_") || series.startsWith("keycloak_user_events"))
                .filter(personal)).as("series naming a person, an account or a card").isEmpty();
    }

    @Test
    void theHealthChecksAnswerOnTheManagementInterface() {
        assertThat(management.get("/health/ready")).contains("\"status\": \"UP\"");
    }

    private CardLoginClient.Page logInWithCard(String cardId, String pin) {
        world.reader().insert(cardId);
        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(flow.authorizationUrl(realm.getBaseUrl()));
        return browser.logInWithPin(pin);
    }
}

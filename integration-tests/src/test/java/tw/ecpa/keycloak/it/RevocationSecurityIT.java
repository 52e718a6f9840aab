package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.dev.cardworld.http.ServiceFault;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;

/**
 * Revocation that must not be made toothless (docs/security.md, T11): a card of a revoked issuing CA,
 * an OCSP answer kept past its nextUpdate, a responder that holds the login by not answering. At HTTP
 * level through the virtual card reader, against the card world's CRL and OCSP services.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class RevocationSecurityIT extends EcpaIntegrationTest {

    private static final String VARIANT_PIN = "123456";

    private CardWorld world;
    private CertificateLoginFlow flow;
    private CardLoginClient browser;

    @BeforeEach
    void aFlowOfTheCertificateSteps(CardWorld world) {
        this.world = world;
        flow = new CertificateLoginFlow(realm.admin(), realmAdminApi(), world);
        browser = new CardLoginClient(world.readerUrl());
    }

    @AfterEach
    void removeTheFlow() {
        flow.close();
    }

    private CardLoginClient.Page logInWith(String cardId) {
        world.reader().insert(cardId);
        browser.open(flow.authorizationUrl(realm.getBaseUrl()));
        return browser.logInWithPin(world.catalogue().get(cardId).pin());
    }

    private EventRepresentation lastLoginError() {
        List<EventRepresentation> events = realm.admin().getEvents(List.of("LOGIN_ERROR"), flow.clientId(), null, null, null, null, 0, 1);
        assertThat(events).as("a LOGIN_ERROR event of the test client").isNotEmpty();
        return events.get(0);
    }

    private static String message(String key) {
        return EcpaPages.messageIn("zh-Hant", key);
    }

    @ParameterizedTest(name = "{0}, failing open: {1}")
    @CsvSource({"CRL, false", "OCSP, false", "BOTH, true"})
    void givenACardOfARevokedIssuingCaThenItIsRefusedWithItsOwnMessageAndEventWhateverTheMode(String mode, String failOpen) {
        flow.setCertificateSetting(CertificateConfiguration.REVOCATION_MODE, mode);
        flow.setCertificateSetting(CertificateConfiguration.REVOCATION_FAIL_OPEN, failOpen);

        CardLoginClient.Page page = logInWith("variant-issuer-revoked");

        assertThat(page.shows("ecpa-certificate-form")).as("back on the certificate page").isTrue();
        assertThat(page.body()).contains(message("ecpa.certificate.issuerRevoked"));
        EventRepresentation event = lastLoginError();
        assertThat(event.getError()).isEqualTo("ecpa_certificate_issuer_revoked");
        assertThat(event.getDetails()).containsEntry("certificate_serial",
                world.pki().card("variant-issuer-revoked").serialNumber().toString(16));
    }

    @Test
    void givenAResponderSlowerThanTheRevocationTimeoutThenTheLoginComesBackFailingClosedOrUncheckedWhenFailingOpen() {
        flow.setCertificateSetting(CertificateConfiguration.REVOCATION_MODE, "OCSP");
        flow.setCertificateSetting(CertificateConfiguration.REVOCATION_TIMEOUT_MILLIS, "1000");
        // Four seconds: within the server-wide client's five-second read timeout, so only the step's own
        // timeout stops the wait; without it the answer would come, and the card would pass.
        world.revocation().setFault(ServiceFault.slow(Duration.ofSeconds(4)));

        CardLoginClient.Page closed = logInWith("variant-valid");

        assertThat(closed.shows("ecpa-certificate-form")).isTrue();
        assertThat(closed.body()).contains(message("ecpa.certificate.revocationUnavailable"));
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_revocation_unavailable");

        flow.setCertificateSetting(CertificateConfiguration.REVOCATION_FAIL_OPEN, "true");
        browser = new CardLoginClient(world.readerUrl());
        assertThat(logInWith("variant-valid").shows("ecpa-binding-form")).as("accepted unchecked, on to binding").isTrue();
    }

    @Test
    void givenOcspAnswersAlreadyDueForAnUpdateThenTheyAreNotKeptAndTheNextLoginAsksAgain() {
        flow.setCertificateSetting(CertificateConfiguration.REVOCATION_MODE, "OCSP");
        flow.setCertificateSetting(CertificateConfiguration.OCSP_CACHE_SECONDS, "600");
        // thisUpdate = nextUpdate: Keycloak's client still accepts such an answer (clock skew), once.
        world.revocation().setOcspAnswerLifetime(Duration.ZERO);

        assertThat(logInWith("citizen-no-record").shows("ecpa-binding-form")).isTrue();
        int asked = world.revocation().ocspRequestsServed();
        assertThat(asked).as("the first login asks the responder").isPositive();

        browser = new CardLoginClient(world.readerUrl());
        assertThat(logInWith("citizen-no-record").shows("ecpa-binding-form")).isTrue();

        assertThat(world.revocation().ocspRequestsServed()).as("the second login asks again").isGreaterThan(asked);
    }
}

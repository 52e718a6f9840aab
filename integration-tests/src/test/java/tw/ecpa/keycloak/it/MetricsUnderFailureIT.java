package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.ecpa.keycloak.it.ManagementInterface.increase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
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
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.dev.cardworld.http.ServiceFault;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;

/**
 * The alerts of docs/operations.md ("What to alert on") fired for real: each service the server depends
 * on is made to fail (the OCSP responder and the holder-check service stop accepting connections, the
 * realm's SMTP points at a closed port), the person meets the page or answer of that failure, and the
 * series the alert reads rise on the management interface. Readiness stays UP throughout: it is about
 * Keycloak itself (started, its database reachable), not about the services a login calls out to, so a
 * down responder must not take every node out of the load balancer. Each test puts back what it broke.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class MetricsUnderFailureIT extends EcpaIntegrationTest {

    /** A citizen card bound to nobody and its holder, 王大明; CertificateLoginIT meets them as the demo data has them too. */
    private static final String DAMING_CARD = "citizen-daming.wang";
    private static final String DAMING_ID = "A123456789";
    /** A variant card of the card world, valid and bound to nobody; its PIN is the variants' one. */
    private static final String VALID_CARD = "variant-valid";
    private static final String MINISTRY = "X10000000A";

    private static final String OCSP_UNAVAILABLE = "ecpa_revocation_checks_seconds_count{outcome=\"unavailable\",source=\"ocsp\"}";
    private static final String REVOCATION_REFUSED = "ecpa_logins_total{error=\"ecpa_revocation_unavailable\",method=\"certificate\",outcome=\"failure\"}";
    private static final String HOLDER_UNAVAILABLE = "ecpa_holder_checks_seconds_count{outcome=\"unavailable\"}";
    private static final String HOLDER_REFUSED = "ecpa_logins_total{error=\"ecpa_holder_unavailable\",method=\"certificate\",outcome=\"failure\"}";
    private static final String RESET_LETTER_FAILED = "ecpa_mail_failures_total{letter=\"password-reset\"}";
    private static final String OFFICER_RESETS = "ecpa_password_resets_total{method=\"officer\"}";
    private static final String RESET_LINK_FAILED = "ecpa_mail_failures_total{letter=\"reset-link\"}";
    private static final String FORGOT_PASSWORD_LINKS = "ecpa_password_resets_total{method=\"forgot-password\"}";
    private static final String KEYCLOAK_LINK_FAILED = "keycloak_user_events_total{error=\"email_send_failed\",event=\"send_reset_password\",realm=\"ecpa\"}";

    /**
     * What Keycloak's readiness is made of: Quarkus's shutdown check, Keycloak's start-up and database checks
     * (keycloak-quarkus-server's health package) and, on a cluster, its cluster check.
     */
    private static final Set<String> KEYCLOAKS_READINESS_CHECKS = Set.of("Graceful Shutdown", "Keycloak Initialized",
            "Keycloak database connections async health check", "Keycloak cluster health check");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManagementInterface management = new ManagementInterface();
    private CardWorld world;
    private CertificateLoginFlow flow;
    private CardLoginClient browser;
    private ResetTargets targets;
    private TestPeople people;
    private PersonnelApiClient api;
    private TestApp app;
    /** The realm's SMTP settings while a test has them pointing at a closed port; null otherwise. */
    private Map<String, String> smtpBefore;

    @BeforeEach
    void aFlowOfTheCertificateStepsAndPeopleToReset(CardWorld world) {
        this.world = world;
        flow = new CertificateLoginFlow(realm.admin(), realmAdminApi(), world);
        targets = new ResetTargets(realm.admin());
        people = new TestPeople(realm.admin());
        api = new PersonnelApiClient(realm.getBaseUrl(), realm.admin());
        app = TestApp.register(realm.admin(), "it-metrics-failure-", CertificateLoginFlow.REDIRECT_URI);
    }

    @AfterEach
    void putBackWhatWasBroken() {
        try {
            if (smtpBefore != null) {
                putBackTheRealmsSmtp();
            }
            world.revocation().setFault(ServiceFault.normal());
            world.holderCheck().setFault(ServiceFault.normal());
        } finally {
            UserResource daming = userByNationalId(DAMING_ID);
            DemoUsers.forgetCardLogins(daming);
            realm.admin().attackDetection().clearBruteForceForUser(daming.toRepresentation().getId());
            app.close();
            api.close();
            people.close();
            targets.close();
            flow.close();
        }
    }

    @Test
    void givenTheOcspResponderDownThenCardLoginsAreRefusedTheRevocationAlertsSeriesRiseAndTheNodeStaysReady() {
        flow.setCertificateSetting(CertificateConfiguration.REVOCATION_MODE, "OCSP");
        flow.setCertificateSetting(CertificateConfiguration.REVOCATION_FAIL_OPEN, "false");
        Map<String, Double> before = management.metrics();
        world.revocation().setFault(ServiceFault.refuse());

        CardLoginClient.Page page = logInWithCard(VALID_CARD);

        assertThat(page.shows("ecpa-certificate-form")).as("back on the certificate page").isTrue();
        assertThat(page.body()).contains(EcpaPages.messageIn("zh-Hant", "ecpa.certificate.revocationUnavailable"));
        Map<String, Double> after = management.metricsOnce(now -> increase(before, now, REVOCATION_REFUSED) >= 1);
        assertThat(increase(before, after, OCSP_UNAVAILABLE)).as(OCSP_UNAVAILABLE).isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, REVOCATION_REFUSED)).as(REVOCATION_REFUSED).isEqualTo(1);
        assertThat(after).as("the latency histogram of the failed checks").containsKey(
                "ecpa_revocation_checks_seconds_bucket{outcome=\"unavailable\",source=\"ocsp\",le=\"+Inf\"}");
        assertReadyWithKeycloaksOwnChecksOnly();

        world.revocation().setFault(ServiceFault.normal());
        assertThat(logInWithCard(VALID_CARD).shows("ecpa-binding-form")).as("the responder back: the card passes").isTrue();
    }

    @Test
    void givenTheHolderCheckServiceDownThenAFirstBindingIsRefusedAndTheHolderAlertsSeriesRise() {
        world.holderCheck().setFault(ServiceFault.refuse());
        Map<String, Double> before = management.metrics();
        assertThat(logInWithCard(DAMING_CARD).shows("ecpa-binding-form")).as("a card bound to nobody: the binding page").isTrue();

        CardLoginClient.Page page = browser.bind(DAMING_ID);

        assertThat(page.body()).contains(EcpaPages.messageIn("zh-Hant", "ecpa.binding.holderServiceUnavailable"));
        assertThat(userByNationalId(DAMING_ID).credentials()).as("no card bound")
                .noneMatch(credential -> "ecpa-certificate".equals(credential.getType()));
        Map<String, Double> after = management.metricsOnce(now -> increase(before, now, HOLDER_REFUSED) >= 1);
        assertThat(increase(before, after, HOLDER_UNAVAILABLE)).as(HOLDER_UNAVAILABLE).isEqualTo(1);
        assertThat(increase(before, after, HOLDER_REFUSED)).as(HOLDER_REFUSED).isEqualTo(1);
        assertReadyWithKeycloaksOwnChecksOnly();
    }

    @Test
    void givenTheMailServerDownThenAnOfficersResetIsUndoneWithMailFailedAndTheMailAlertsSeriesRise() {
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        String token = api.requireLogin(chief.account(), chief.givePassword());
        ResetTargets.Target person = targets.serving(MINISTRY);
        String password = person.givePassword();
        Long passwordDate = person.passwordCreatedDate();
        List<String> requiredActions = person.representation().getRequiredActions();
        Map<String, Double> before = management.metrics();
        pointTheRealmsSmtpAtAClosedPort();

        PersonnelApiClient.Answer confirmed = api.reset(token, person.nationalId(), person.email(), null);

        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(502);
        assertThat(confirmed.error()).isEqualTo("mail-failed");
        Map<String, Double> after = management.metricsOnce(now -> increase(before, now, RESET_LETTER_FAILED) >= 1);
        assertThat(increase(before, after, RESET_LETTER_FAILED)).as(RESET_LETTER_FAILED).isEqualTo(1);
        assertThat(increase(before, after, OFFICER_RESETS)).as("no reset counted as done: %s", OFFICER_RESETS).isZero();
        assertThat(person.passwordCreatedDate()).as("the same password").isEqualTo(passwordDate);
        assertThat(person.representation().getRequiredActions()).isEqualTo(requiredActions);
        assertThat(person.representation().getEmail()).isEqualTo(person.email());
        assertThat(ResetMails.to(mail, person.email())).isEmpty();
        assertReadyWithKeycloaksOwnChecksOnly();
        putBackTheRealmsSmtp();
        assertThat(api.login(person.account(), password)).as("the old password still works").isNotNull();
    }

    @Test
    void givenTheMailServerDownThenForgotPasswordSendsNoLinkSaysTheSameAndBothMailSeriesCountIt() {
        String account = TestPeople.freshAccount("metricsforgot");
        TestPeople.Person person = people.withAccount(account);
        person.givePassword(RunSecrets.password("Metrics-forgot-7x"));
        List<CredentialRepresentation> credentials = person.admin().credentials();
        Map<String, Double> before = management.metrics();
        pointTheRealmsSmtpAtAClosedPort();

        CardLoginClient forgetful = new CardLoginClient();
        CardLoginClient.Page home = forgetful.open(app.authorizationUrl(realm.getBaseUrl(), null));
        forgetful.open(URI.create(realm.getBaseUrl()).resolve(home.link("ecpa-forgot-password-link")).toString());
        CardLoginClient.Page page = forgetful.submit("ecpa-forgot-password-form", Map.of("account", account));

        // The page a person gets whoever they are and whatever became of the letter (Keycloak's step answers
        // so too): the person cannot tell, only the operator's series can.
        assertThat(page.body()).contains("template: ecpa-home.ftl", EcpaPages.messageIn("zh-Hant", "emailSentMessage"));
        Map<String, Double> after = management.metricsOnce(now -> increase(before, now, KEYCLOAK_LINK_FAILED) >= 1
                && increase(before, now, RESET_LINK_FAILED) >= 1);
        assertThat(increase(before, after, KEYCLOAK_LINK_FAILED)).as(KEYCLOAK_LINK_FAILED).isEqualTo(1);
        assertThat(increase(before, after, RESET_LINK_FAILED)).as(RESET_LINK_FAILED).isEqualTo(1);
        assertThat(increase(before, after, FORGOT_PASSWORD_LINKS)).as("no link counted as mailed: %s", FORGOT_PASSWORD_LINKS).isZero();
        assertThat(person.admin().credentials()).as("the password as it was")
                .extracting(CredentialRepresentation::getId).containsExactlyElementsOf(
                        credentials.stream().map(CredentialRepresentation::getId).toList());
        assertReadyWithKeycloaksOwnChecksOnly();
        assertThat(ResetMails.to(mail, account + "@it.ecpa.test")).isEmpty();
    }

    private CardLoginClient.Page logInWithCard(String cardId) {
        world.reader().insert(cardId);
        browser = new CardLoginClient(world.readerUrl());
        browser.open(flow.authorizationUrl(realm.getBaseUrl()));
        return browser.logInWithPin(world.catalogue().get(cardId).pin());
    }

    /**
     * {@code /health/ready} is UP and made of Keycloak's own checks: none of them asks the card world's
     * services or the mail server, whose failure the alerts above report instead.
     */
    private void assertReadyWithKeycloaksOwnChecksOnly() {
        JsonNode ready = json(management.get("/health/ready"));
        assertThat(ready.path("status").asText()).as("readiness: %s", ready).isEqualTo("UP");
        List<String> checks = ready.path("checks").findValuesAsText("name");
        assertThat(checks).as("readiness checks: %s", ready).contains("Keycloak database connections async health check")
                .allMatch(KEYCLOAKS_READINESS_CHECKS::contains);
    }

    private void pointTheRealmsSmtpAtAClosedPort() {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        smtpBefore = Map.copyOf(realm.admin().toRepresentation().getSmtpServer());
        Map<String, String> broken = new HashMap<>(smtpBefore);
        broken.put("port", Integer.toString(closedPort));
        RealmRepresentation update = new RealmRepresentation();
        update.setSmtpServer(broken);
        realm.admin().update(update);
    }

    private void putBackTheRealmsSmtp() {
        RealmRepresentation restore = new RealmRepresentation();
        restore.setSmtpServer(new HashMap<>(smtpBefore));
        realm.admin().update(restore);
        smtpBefore = null;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.core.NationalIdMask;
import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;

/**
 * The guide's section (二) 使用機關憑證設定密碼: the agency card's holder logs in with the PIN and then
 * resets the passwords of that agency's employees, and of no other agency's. At HTTP level through the
 * virtual card reader, then the personnel API with that login's token.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class AgencyCertificateLoginIT extends EcpaIntegrationTest {

    private static final String MINISTRY = "X10000000A";
    private static final String MINISTRY_CARD = "agency-x10000000a";
    private static final String FIRST_ADMINISTRATION = "X10010000A";
    private static final String MINISTRY_ACCOUNT = "ecpa-agency-x10000000a";

    private CardWorld world;
    private CertificateLoginFlow flow;
    private CardLoginClient browser;
    private PersonnelApiClient api;
    private ResetTargets targets;

    @BeforeEach
    void aFlowOfTheCertificateSteps(CardWorld world) {
        this.world = world;
        flow = new CertificateLoginFlow(realm.admin(), realmAdminApi(), world);
        browser = new CardLoginClient(world.readerUrl());
        api = new PersonnelApiClient(realm.getBaseUrl(), realm.admin());
        targets = new ResetTargets(realm.admin());
    }

    @AfterEach
    void forgetTheAgencyAccount() {
        targets.close();
        api.close();
        flow.close();
        agencyAccount().ifPresent(account -> realm.admin().users().get(account.getId()).remove());
    }

    private java.util.Optional<UserRepresentation> agencyAccount() {
        return realm.admin().users().search(MINISTRY_ACCOUNT, true).stream().findFirst();
    }

    private CardLoginClient.Page logInWith(String cardId) {
        world.reader().insert(cardId);
        browser.open(flow.authorizationUrl(realm.getBaseUrl()));
        return browser.logInWithPin(world.catalogue().get(cardId).pin());
    }

    @Test
    void givenAKnownAgencysCardThenThePinLogsInActingForThatAgencyWithNoPersonalSetUp() {
        assertThat(agencyAccount()).as("no account before the agency card's first login").isEmpty();

        CardLoginClient.Page page = logInWith(MINISTRY_CARD);

        assertThat(page.redirectedToApplication()).as("no binding page, no personal-data step, no password page: %s", page.body()).isTrue();
        JsonNode idToken = browser.idTokenClaims(realm.getBaseUrl(), flow.clientId(), CertificateLoginFlow.REDIRECT_URI);
        assertThat(idToken.path("preferred_username").asText()).isEqualTo(MINISTRY_ACCOUNT);
        assertThat(idToken.path("amr").toString()).isEqualTo("[\"sc\",\"pin\"]");

        UserRepresentation account = agencyAccount().orElseThrow();
        assertThat(account.getFirstName()).isEqualTo("示範部");
        assertThat(account.getAttributes()).containsEntry("agencyCode", List.of(MINISTRY))
                .containsEntry("ecpaAgencyCertificate", List.of("true"))
                .doesNotContainKey("nationalId");
        assertThat(account.getRequiredActions()).isEmpty();
        assertThat(realm.admin().users().get(account.getId()).credentials()).as("no password, nothing bound").isEmpty();
        assertThat(realm.admin().users().get(account.getId()).groups()).extracting(GroupRepresentation::getPath)
                .containsExactly("/agencies/示範部");

        EventRepresentation login = realm.admin().getEvents(List.of("LOGIN"), flow.clientId(), account.getId(), null, null, null, 0, 1).get(0);
        assertThat(login.getDetails())
                .containsEntry("ecpa_login_method", "agency-certificate")
                .containsEntry("agency_code", MINISTRY)
                .containsEntry("certificate_serial", world.pki().card(MINISTRY_CARD).serialNumber().toString(16))
                .containsKey("certificate_issuer");

        browser = new CardLoginClient(world.readerUrl());
        assertThat(logInWith(MINISTRY_CARD).redirectedToApplication()).as("the next login is the same account").isTrue();
        assertThat(realm.admin().users().search(MINISTRY_ACCOUNT, true)).hasSize(1);
    }

    /**
     * The personal-data step is a person's (custom account, e-mail, phone): an agency's account never gets it,
     * and when an application asks for it anyway ({@code kc_action}), the login passes over it and nothing
     * of the account changes.
     */
    @Test
    void givenAnApplicationAskingAnAgencyAccountForPersonalDataThenTheLoginPassesOverItAndChangesNothing() {
        assertThat(logInWith(MINISTRY_CARD).redirectedToApplication()).isTrue();
        UserResource account = realm.admin().users().get(agencyAccount().orElseThrow().getId());
        UserRepresentation before = account.toRepresentation();

        browser = new CardLoginClient(world.readerUrl());
        world.reader().insert(MINISTRY_CARD);
        browser.open(flow.authorizationUrl(realm.getBaseUrl()) + "&kc_action=ecpa-personal-data");
        CardLoginClient.Page page = browser.logInWithPin(world.catalogue().get(MINISTRY_CARD).pin());

        assertThat(page.shows("ecpa-personal-data-form")).as("no personal-data page for an agency").isFalse();
        assertThat(page.redirectedToApplication()).as("straight back to the application: %s", page.body()).isTrue();
        UserRepresentation after = account.toRepresentation();
        assertThat(after.getUsername()).isEqualTo(MINISTRY_ACCOUNT);
        assertThat(after.getEmail()).isEqualTo(before.getEmail()).isNull();
        assertThat(after.getAttributes()).isEqualTo(before.getAttributes());
        assertThat(after.getRequiredActions()).isEmpty();
        assertThat(account.credentials()).isEmpty();
        List<EventRepresentation> refused = realm.admin().getEvents(List.of("UPDATE_PROFILE_ERROR"), flow.clientId(), account.toRepresentation().getId(),
                null, null, null, 0, 1);
        assertThat(refused).as("the passed-over step is an event").hasSize(1);
        assertThat(refused.get(0).getError()).isEqualTo("not_allowed");
    }

    @Test
    void givenAnAgencyCardLoginThenItResetsThatAgencysEmployeesAndNoOneElse() {
        ResetTargets.Target employee = targets.serving(MINISTRY);
        ResetTargets.Target ofSubAgency = targets.serving(FIRST_ADMINISTRATION);
        // The personnel console signs in through the realm's own browser flow: its certificate steps must know the card world.
        String token;
        try (BrowserFormsSettings cards = BrowserFormsSettings.forCardWorld(realm.admin(), realmAdminApi(), world)) {
            world.reader().insert(MINISTRY_CARD);
            token = api.requireCardLogin(world.readerUrl(), world.catalogue().get(MINISTRY_CARD).pin(), null);
        }

        PersonnelApiClient.Answer me = api.get(token, "/me");
        assertThat(me.body().path("method").asText()).isEqualTo("agency-certificate");
        assertThat(me.body().path("agencies").toString()).isEqualTo("[\"" + MINISTRY + "\"]");

        PersonnelApiClient.Answer found = api.search(token, employee.nationalId(), null);
        assertThat(found.status()).as("%s", found).isEqualTo(200);
        assertThat(found.body().path("agencyCode").asText()).isEqualTo(MINISTRY);

        PersonnelApiClient.Answer outOfScope = api.search(token, ofSubAgency.nationalId(), null);
        PersonnelApiClient.Answer nobody = api.search(token, TestPeople.newNationalId(), null);
        assertThat(outOfScope.status()).as("a sub-agency is another agency").isEqualTo(403);
        assertThat(outOfScope.body()).as("reveals nothing").isEqualTo(nobody.body());
        assertThat(api.requestReset(token, ofSubAgency.nationalId(), ofSubAgency.email(), null).status()).isEqualTo(403);

        PersonnelApiClient.Answer confirmed = api.reset(token, employee.nationalId(), employee.email(), null);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        ResetMails.Letter letter = ResetMails.onlyTo(mail, employee.email());
        assertThat(letter.text()).contains("示範部 機關的 機關憑證持有者");
        assertThat(employee.representation().getRequiredActions()).containsExactly("ecpa-birthday-password");
        assertThat(ResetMails.to(mail, ofSubAgency.email())).isEmpty();

        AdminEventRepresentation event = realm.admin().getAdminEvents().stream()
                .filter(e -> "ECPA_PASSWORD_RESET".equals(e.getResourceType()))
                .filter(e -> e.getResourcePath() != null && e.getResourcePath().contains(employee.id()))
                .findFirst().orElseThrow();
        assertThat(AdminEventDetails.json(event)).contains("\"method\":\"agency-certificate\"", "\"agency\":\"" + MINISTRY + "\"",
                "\"actor\":\"" + MINISTRY_ACCOUNT + "\"", "\"target\":\"" + NationalIdMask.mask(employee.nationalId()) + "\"");
    }

    @Test
    void givenAnAgencyCardOfNoKnownAgencyThenItIsRefusedAndNoAccountIsMade() {
        int usersBefore = realm.admin().users().count();

        CardLoginClient.Page page = logInWith("agency-unknown");

        assertThat(page.shows("ecpa-certificate-form")).isTrue();
        assertThat(page.body()).contains(EcpaPages.messageIn("zh-Hant", "ecpa.certificate.agencyUnknown"));
        EventRepresentation error = realm.admin().getEvents(List.of("LOGIN_ERROR"), flow.clientId(), null, null, null, null, 0, 1).get(0);
        assertThat(error.getError()).isEqualTo("ecpa_agency_unknown");
        assertThat(error.getDetails()).containsEntry("ecpa_login_method", "agency-certificate").containsKey("certificate_serial");
        assertThat(realm.admin().users().count()).isEqualTo(usersBefore);
    }
}

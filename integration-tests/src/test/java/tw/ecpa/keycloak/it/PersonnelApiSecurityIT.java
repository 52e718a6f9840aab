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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;

/**
 * Who may call the personnel API, and about whom (security issue, cases 2, 3 and 5). Before: a
 * personnel officer's token of any client of the realm (a relying application, or {@code admin-cli}
 * with a password grant) reached the API with CORS for that client's origins; an officer reset a realm
 * administrator and a chief the help desk; a departed officer's token kept working; a reset left the
 * target's sessions alive. Each test here failed on that code.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class PersonnelApiSecurityIT extends EcpaIntegrationTest {

    private static final String MINISTRY = PersonnelResetIT.MINISTRY;
    private static final String APP_REDIRECT = "http://127.0.0.1:9/callback";
    private static final String APP_ORIGIN = "http://relying-app.ecpa.test";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The provider's default; the suite's one server configuration does not change it. */
    private static final int DEFAULT_LOOKUPS_PER_HOUR = 120;

    private final HttpClient http = HttpClient.newHttpClient();
    private PersonnelApiClient api;
    private ResetTargets targets;
    private DemoHelpDesk helpDesk;
    private TestApp app;
    private String appClientId;

    @BeforeEach
    void anApiClientAndARelyingApp(CardWorld world) {
        api = new PersonnelApiClient(realm.getBaseUrl(), realm.admin());
        targets = new ResetTargets(realm.admin());
        helpDesk = new DemoHelpDesk(realm.admin(), realmAdminApi(), world);
        app = TestApp.register(realm.admin(), "it-app-", APP_REDIRECT, client -> {
            client.setDirectAccessGrantsEnabled(true);
            client.setWebOrigins(List.of(APP_ORIGIN));
        });
        appClientId = app.clientId();
    }

    @AfterEach
    void cleanUp() {
        app.close();
        helpDesk.close();
        targets.close();
        api.close();
    }

    @Test
    void givenAChiefsTokenOfARelyingAppThenTheApiRefusesItWithoutCors() {
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        String password = chief.givePassword();
        String appToken = appToken(chief.account(), password);

        HttpResponse<String> refused = api.callAs(appToken, "/me", APP_ORIGIN);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(json(refused.body()).path("error").asText()).isEqualTo("console-token-required");
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as("no CORS for the app's origin").isEmpty();

        HttpResponse<String> console = api.callAs(api.requireLogin(chief.account(), password), "/me", null);
        assertThat(console.statusCode()).as("the same person through the console").isEqualTo(200);
        assertThat(json(console.body()).path("canReset").asBoolean()).isTrue();
    }

    @Test
    void givenAnotherOriginThenThePortalsOfficeAnswerCannotBeReadThere() {
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        String password = chief.givePassword();
        CardLoginClient browser = new CardLoginClient();
        browser.open(realm.getBaseUrl() + "/protocol/openid-connect/auth?client_id=" + appClientId
                + "&redirect_uri=" + URLEncoder.encode(APP_REDIRECT, StandardCharsets.UTF_8)
                + "&response_type=code&scope=openid&state=" + UUID.randomUUID());
        assertThat(browser.logInWithPassword(chief.account(), password).redirectedToApplication()).isTrue();
        String office = realm.getBaseUrl() + "/ecpa-personnel/office";

        HttpResponse<String> own = browser.fetch("GET", office, Map.of());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(json(own.body()).path("access").asText()).as("the chief's own browser: the identity cookie is what counts")
                .isEqualTo("open");

        // The relying app's registered web origin included: the answer is for the portal's own pages only.
        for (String origin : List.of(APP_ORIGIN, "https://attacker.example")) {
            HttpResponse<String> read = browser.fetch("GET", office, Map.of("Origin", origin));
            assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).as("no CORS for %s", origin).isEmpty();
            assertThat(read.headers().firstValue("Access-Control-Allow-Credentials")).as("no credentials for %s", origin).isEmpty();
            HttpResponse<String> preflight = browser.fetch("OPTIONS", office,
                    Map.of("Origin", origin, "Access-Control-Request-Method", "GET"));
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as("no preflight grant for %s", origin).isEmpty();
        }

        HttpResponse<String> withoutCookie = new CardLoginClient().fetch("GET", office, Map.of("Origin", "https://attacker.example"));
        assertThat(json(withoutCookie.body()).path("access").asText()).as("nobody signed in").isEqualTo("none");
        assertThat(withoutCookie.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void givenAPasswordGrantThenTheRealmRefusesItAndTheEventNamesNobody() {
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        String password = chief.givePassword();

        for (String client : List.of("admin-cli", appClientId)) {
            HttpResponse<String> answer = post(realm.getBaseUrl() + "/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", client, "username", chief.nationalId(), "password", password));
            assertThat(answer.statusCode()).as("%s: %s", client, answer.body()).isEqualTo(400);
            assertThat(json(answer.body()).has("access_token")).isFalse();
        }
        List<EventRepresentation> errors = realm.admin().getEvents(List.of("LOGIN_ERROR"), appClientId, null, null, null, null, 0, 5);
        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0).getError()).isEqualTo("ecpa_direct_grant_refused");
        assertThat(errors).allSatisfy(e -> assertThat(String.valueOf(e.getDetails())).doesNotContain(chief.nationalId()));
    }

    @Test
    void givenAnOfficerWhoLeftOrIsLockedThenTheirStillValidTokenIsRefused() {
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        ResetTargets.Target person = targets.serving(MINISTRY);
        String token = api.requireLogin(chief.account(), chief.givePassword());
        assertThat(api.get(token, "/me").status()).isEqualTo(200);

        UserRepresentation rep = chief.representation();
        Map<String, List<String>> attributes = new HashMap<>(rep.getAttributes());
        attributes.put("employmentStatus", List.of("departed"));
        rep.setAttributes(attributes);
        chief.admin().update(rep);

        PersonnelApiClient.Answer departed = api.requestReset(token, person.nationalId(), person.email(), null);
        assertThat(departed.status()).isEqualTo(403);
        assertThat(departed.error()).isEqualTo("not-authorised");
        assertThat(api.get(token, "/me").status()).isEqualTo(403);
        assertThat(person.representation().getRequiredActions()).isEmpty();
    }

    @Test
    void givenARoleTakenAwayThenTheNextRequestHasNoResetRight() {
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        ResetTargets.Target person = targets.serving(MINISTRY);
        String token = api.requireLogin(chief.account(), chief.givePassword());

        chief.admin().roles().realmLevel().remove(List.of(realm.admin().roles().get("personnel-chief").toRepresentation()));

        assertThat(api.requestReset(token, person.nationalId(), person.email(), null).error()).isEqualTo("not-authorised");
        assertThat(json(api.callAs(token, "/me", null).body()).path("canReset").asBoolean()).isFalse();
    }

    @Test
    void givenARealmAdministratorThenNobodyResetsThemThroughTheApi() {
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        ResetTargets.Target administrator = targets.serving(MINISTRY);
        String realmManagement = realm.admin().clients().findByClientId("realm-management").get(0).getId();
        RoleRepresentation realmAdmin = realm.admin().clients().get(realmManagement).roles().get("realm-admin").toRepresentation();
        administrator.admin().roles().clientLevel(realmManagement).add(List.of(realmAdmin));
        String password = administrator.givePassword();

        String chiefToken = api.requireLogin(chief.account(), chief.givePassword());
        String helpDeskToken = helpDesk.consoleToken(api);

        for (String token : List.of(chiefToken, helpDeskToken)) {
            PersonnelApiClient.Answer search = api.search(token, administrator.nationalId(), "ticket 1");
            assertThat(search.status()).isEqualTo(403);
            assertThat(search.error()).as("the answer of someone out of reach").isEqualTo("person-not-reachable");
            assertThat(api.requestReset(token, administrator.nationalId(), "attacker@it.ecpa.test", "ticket 1").error())
                    .isEqualTo("person-not-reachable");
        }
        assertThat(administrator.representation().getEmail()).isEqualTo(administrator.email());
        assertThat(administrator.representation().getRequiredActions()).isEmpty();
        assertThat(ResetMails.to(mail, "attacker@it.ecpa.test")).isEmpty();
        assertThat(api.login(administrator.account(), password)).as("the administrator's password still works").isNotNull();
    }

    @Test
    void givenTheRanksThenEachResetsOnlyThoseBelow() {
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        ResetTargets.Target officer = targets.withRole(MINISTRY, "personnel-officer");
        ResetTargets.Target otherChief = targets.withRole(MINISTRY, "personnel-chief");
        ResetTargets.Target otherHelpDesk = targets.withRole(MINISTRY, "help-desk");
        String chiefToken = api.requireLogin(chief.account(), chief.givePassword());
        String helpDeskToken = helpDesk.consoleToken(api);

        assertThat(api.requestReset(chiefToken, otherChief.nationalId(), otherChief.email(), null).error())
                .as("a chief does not reset another chief").isEqualTo("person-not-reachable");
        assertThat(api.requestReset(chiefToken, otherHelpDesk.nationalId(), otherHelpDesk.email(), null).error())
                .as("a chief does not reset the help desk").isEqualTo("person-not-reachable");
        assertThat(api.requestReset(helpDeskToken, otherHelpDesk.nationalId(), otherHelpDesk.email(), "ticket 2").error())
                .as("the help desk does not reset the help desk").isEqualTo("person-not-reachable");

        assertThat(api.reset(chiefToken, officer.nationalId(), officer.email(), null).status()).as("a chief resets an officer").isEqualTo(200);
        assertThat(api.reset(helpDeskToken, otherChief.nationalId(), otherChief.email(), "ticket 3").status())
                .as("the help desk resets a chief").isEqualTo(200);
        assertThat(otherHelpDesk.representation().getRequiredActions()).isEmpty();
    }

    @Test
    void givenAGrantedOfficerThenAnotherOfficerIsOutOfReach() {
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        ResetTargets.Target officer = targets.withRole(MINISTRY, "personnel-officer");
        String chiefToken = api.requireLogin(chief.account(), chief.givePassword());
        assertThat(api.grant(chiefToken, officer.id(), true, List.of()).status()).as("the chief grants the reset right").isEqualTo(200);
        ResetTargets.Target otherOfficer = targets.withRole(MINISTRY, "personnel-officer");
        ResetTargets.Target staff = targets.serving(MINISTRY);
        String token = api.requireLogin(officer.account(), officer.givePassword());

        assertThat(api.requestReset(token, otherOfficer.nationalId(), otherOfficer.email(), null).error()).isEqualTo("person-not-reachable");
        assertThat(api.requestReset(token, staff.nationalId(), staff.email(), null).status()).as("staff are in reach").isEqualTo(201);
    }

    @Test
    void givenAGrantThenItLapsesWhenTheOfficerMovesOrTheGrantorIsNoLongerChief() {
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        ResetTargets.Target mover = targets.withRole(MINISTRY, "personnel-officer");
        ResetTargets.Target stayer = targets.withRole(MINISTRY, "personnel-officer");
        String chiefToken = api.requireLogin(chief.account(), chief.givePassword());
        api.grant(chiefToken, mover.id(), true, List.of());
        api.grant(chiefToken, stayer.id(), true, List.of());
        String moverToken = api.requireLogin(mover.account(), mover.givePassword());
        String stayerToken = api.requireLogin(stayer.account(), stayer.givePassword());
        assertThat(json(api.callAs(moverToken, "/me", null).body()).path("canReset").asBoolean()).isTrue();

        UserRepresentation moved = mover.representation();
        Map<String, List<String>> attributes = new HashMap<>(moved.getAttributes());
        attributes.put("agencyCode", List.of(PersonnelResetIT.FIRST_ADMINISTRATION));
        moved.setAttributes(attributes);
        mover.admin().update(moved);
        assertThat(json(api.callAs(moverToken, "/me", null).body()).path("canReset").asBoolean())
                .as("a grant for the ministry does not follow the officer to another agency").isFalse();

        assertThat(json(api.callAs(stayerToken, "/me", null).body()).path("canReset").asBoolean()).isTrue();
        chief.admin().roles().realmLevel().remove(List.of(realm.admin().roles().get("personnel-chief").toRepresentation()));
        assertThat(json(api.callAs(stayerToken, "/me", null).body()).path("canReset").asBoolean())
                .as("the grantor is no longer a chief").isFalse();
    }

    @Test
    void givenLookupsThenEachIsAnAdminEventWithTheIdMaskedAndTheyAreLimitedPerCaller() {
        // The limit counts per clock hour: a run across the full hour would start a fresh count.
        org.junit.jupiter.api.Assumptions.assumeTrue(java.time.LocalTime.now().getMinute() < 58, "too close to the full hour");
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        ResetTargets.Target person = targets.serving(MINISTRY);
        String token = api.requireLogin(chief.account(), chief.givePassword());
        String nobody = TestPeople.newNationalId();

        assertThat(api.search(token, person.nationalId(), null).status()).isEqualTo(200);
        assertThat(api.search(token, nobody, null).error()).isEqualTo("person-not-reachable");

        List<org.keycloak.representations.idm.AdminEventRepresentation> lookups = realm.admin().getAdminEvents().stream()
                .filter(e -> "ECPA_PERSONNEL_LOOKUP".equals(e.getResourceType()))
                .filter(e -> AdminEventDetails.json(e).contains("\"actor\":\"" + chief.account() + "\""))
                .toList();
        assertThat(lookups).hasSize(2);
        assertThat(lookups).extracting(AdminEventDetails::json)
                .anySatisfy(r -> assertThat(r).contains("\"outcome\":\"found\"", tw.ecpa.keycloak.core.NationalIdMask.mask(person.nationalId())))
                .anySatisfy(r -> assertThat(r).contains("\"outcome\":\"person-not-reachable\"", tw.ecpa.keycloak.core.NationalIdMask.mask(nobody)))
                .allSatisfy(r -> assertThat(r).doesNotContain(person.nationalId(), nobody));

        for (int i = 2; i < DEFAULT_LOOKUPS_PER_HOUR; i++) {
            assertThat(api.search(token, TestPeople.newNationalId(), null).status()).as("lookup %d", i).isEqualTo(403);
        }
        PersonnelApiClient.Answer tooMany = api.search(token, person.nationalId(), null);
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.error()).isEqualTo("lookups-rate-limited");
        assertThat(api.requestReset(token, person.nationalId(), person.email(), null).error()).isEqualTo("lookups-rate-limited");
        assertThat(person.representation().getRequiredActions()).isEmpty();
    }

    @Test
    void givenMalformedGrantsThenA400AndNothingChanges() {
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        ResetTargets.Target officer = targets.withRole(MINISTRY, "personnel-officer");
        String chiefToken = api.requireLogin(chief.account(), chief.givePassword());
        java.util.List<String> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        java.util.List<String> tooMany = java.util.Collections.nCopies(101, MINISTRY);

        for (java.util.List<String> concurrent : List.of(withNull, tooMany)) {
            PersonnelApiClient.Answer answer = api.put(chiefToken, "/officers/" + officer.id() + "/grants",
                    new java.util.HashMap<>(Map.of("resetGranted", true, "concurrentAgencies", concurrent)));
            assertThat(answer.status()).as("%s", answer).isEqualTo(400);
            assertThat(answer.error()).isEqualTo("invalid-request");
        }
        assertThat(officer.representation().getAttributes()).doesNotContainKeys("ecpaResetGranted", "ecpaConcurrentAgencies");
    }

    @Test
    void givenTheHelpDeskSignedInWithAPasswordThenResetsNeedTheCard() {
        UserRepresentation desk = helpDesk.admin().toRepresentation();
        String password = DemoUsers.givePassword(helpDesk.admin());
        ResetTargets.Target person = targets.serving(MINISTRY);
        String token = api.requireLogin(desk.getUsername(), password);

        JsonNode me = json(api.callAs(token, "/me", null).body());
        assertThat(me.path("certificateLevelRequired").asBoolean()).isTrue();
        assertThat(me.path("canReset").asBoolean()).isFalse();
        PersonnelApiClient.Answer refused = api.search(token, person.nationalId(), "ticket 4");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("certificate-level-required");

        assertThat(api.search(helpDesk.consoleToken(api), person.nationalId(), "ticket 4").status()).as("with the card").isEqualTo(200);
    }

    @Test
    void givenAResetThenThePersonsSessionsAndRefreshTokensEnd() {
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        ResetTargets.Target person = targets.serving(MINISTRY);
        String password = person.givePassword();
        String refreshToken = appTokens(person.account(), password).path("refresh_token").asText();
        assertThat(realm.admin().users().get(person.id()).getUserSessions()).hasSize(1);

        String chiefToken = api.requireLogin(chief.account(), chief.givePassword());
        assertThat(api.reset(chiefToken, person.nationalId(), person.email(), null).status()).isEqualTo(200);

        assertThat(realm.admin().users().get(person.id()).getUserSessions()).as("signed out everywhere").isEmpty();
        HttpResponse<String> refresh = post(realm.getBaseUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "refresh_token", "client_id", appClientId, "refresh_token", refreshToken));
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(400);
        assertThat(json(refresh.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    /** A relying application's tokens for a 帳號登入 on the home page. */
    private JsonNode appTokens(String account, String password) {
        CardLoginClient browser = new CardLoginClient();
        browser.open(realm.getBaseUrl() + "/protocol/openid-connect/auth?client_id=" + appClientId
                + "&redirect_uri=" + URLEncoder.encode(APP_REDIRECT, StandardCharsets.UTF_8)
                + "&response_type=code&scope=openid&state=" + UUID.randomUUID());
        assertThat(browser.logInWithPassword(account, password).redirectedToApplication()).isTrue();
        return browser.tokens(realm.getBaseUrl(), appClientId, APP_REDIRECT);
    }

    private String appToken(String account, String password) {
        return appTokens(account, password).path("access_token").asText();
    }

    private HttpResponse<String> post(String url, Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.core.NationalIdMask;
import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;

/**
 * The guide's methods 2 and 3 through the personnel API: a personnel chief, an authorised officer and
 * the help desk reset a password within their scope, the person gets the letter, and everything that
 * goes wrong leaves the person as they were.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class PersonnelResetIT extends EcpaIntegrationTest {

    static final String MINISTRY = "X10000000A";
    static final String FIRST_ADMINISTRATION = "X10010000A";
    static final String SECOND_ADMINISTRATION = "X10020000A";
    static final String SOUTHERN_BRANCH = "X10021000A";

    static final String CHIEF = "A123456789";
    static final String OFFICER = "S223456660";
    static final String OTHER_OFFICER = "F128765439";

    /** The provider's default; the suite's one server configuration does not change it. */
    static final int DEFAULT_RESETS_PER_HOUR = 30;

    private PersonnelApiClient api;
    private ResetTargets targets;
    private DemoHelpDesk helpDesk;

    @BeforeEach
    void freshClientAndTargets(CardWorld world) {
        api = new PersonnelApiClient(realm.getBaseUrl(), realm.admin());
        targets = new ResetTargets(realm.admin());
        helpDesk = new DemoHelpDesk(realm.admin(), realmAdminApi(), world);
    }

    @AfterEach
    void cleanUp() {
        String officerId = userByNationalId(OFFICER).toRepresentation().getId();
        api.grant(tokenOf(CHIEF), officerId, false, List.of());
        helpDesk.close();
        targets.close();
        api.close();
    }

    private String tokenOf(String nationalId) {
        var user = userByNationalId(nationalId);
        String password = DemoUsers.givePassword(user);
        return api.requireLogin(user.toRepresentation().getUsername(), password);
    }

    @Test
    void theChiefFindsAndResetsSomeoneOfTheirAgencyAndThePersonGetsTheLetter() {
        ResetTargets.Target person = targets.serving(MINISTRY);
        String chief = tokenOf(CHIEF);

        PersonnelApiClient.Answer found = api.search(chief, person.nationalId(), null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("maskedNationalId").asText()).isEqualTo(NationalIdMask.mask(person.nationalId()));
        assertThat(found.body().path("name").asText()).isEqualTo("測重設");
        assertThat(found.body().path("agencyCode").asText()).isEqualTo(MINISTRY);
        assertThat(found.body().path("agencyName").asText()).isEqualTo("示範部");
        assertThat(found.body().path("employmentStatus").asText()).isEqualTo("serving");
        assertThat(found.body().path("email").asText()).isEqualTo(person.email());
        assertThat(found.body().toString()).doesNotContain(person.nationalId());

        String newEmail = "new." + person.email();
        PersonnelApiClient.Answer requested;
        PersonnelApiClient.Answer confirmed;
        ResetMails.Letter letter;
        try (ServerLog log = new ServerLog()) {
            requested = api.requestReset(chief, person.nationalId(), newEmail, null);
            assertThat(requested.status()).as("%s", requested).isEqualTo(201);
            assertThat(requested.body().path("confirmationId").asText()).isNotBlank();
            assertThat(requested.body().path("email").asText()).isEqualTo(newEmail);
            assertThat(ResetMails.to(mail, newEmail)).as("nothing happens before 確定").isEmpty();
            assertThat(person.representation().getRequiredActions()).isEmpty();

            confirmed = api.confirm(chief, requested.body().path("confirmationId").asText());
            assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
            assertThat(confirmed.body().path("status").asText()).isEqualTo("sent");

            letter = ResetMails.onlyTo(mail, newEmail);
            String password = letter.password();
            assertThat(password).matches("[A-HJ-NP-Z2-9]{8}");
            assertThat(requested.body().toString() + confirmed.body()).doesNotContain(password);
            assertThat(log.lines()).as("the server log").noneMatch(line -> line.contains(password) || line.contains(person.nationalId()));
        }
        assertThat(letter.subject()).isEqualTo("人事服務網 密碼重設通知");
        assertThat(letter.text()).contains("您好：", "示範部 機關的 王大明", "您的新密碼如下：", "請在新密碼登入後立即變更您的密碼", "049-2359108");
        assertThat(letter.html()).contains(letter.password(), "王大明", "示範部");

        UserRepresentation after = person.representation();
        assertThat(after.getEmail()).isEqualTo(newEmail);
        assertThat(after.getRequiredActions()).containsExactly("ecpa-birthday-password");
        assertThat(api.confirm(chief, requested.body().path("confirmationId").asText()).error())
                .as("a confirmation works once").isEqualTo("reset-not-found");

        AdminEventRepresentation event = resetEventFor(person.id());
        assertThat(event).as("the admin event").isNotNull();
        assertThat(AdminEventDetails.json(event)).contains("\"method\":\"officer\"", "\"target\":\"" + NationalIdMask.mask(person.nationalId()) + "\"",
                "\"agency\":\"" + MINISTRY + "\"", "\"actor\":\"daming.wang\"");
        assertThat(event.getRepresentation() + AdminEventDetails.json(event)).doesNotContain(person.nationalId(), letter.password());
    }

    @Test
    void outOfScopeAndNonExistentGetTheSameAnswer() {
        ResetTargets.Target elsewhere = targets.serving(SECOND_ADMINISTRATION);
        String officer = grantedOfficer(List.of());

        PersonnelApiClient.Answer outOfScope = api.search(officer, elsewhere.nationalId(), null);
        PersonnelApiClient.Answer nobody = api.search(officer, TestPeople.newNationalId(), null);
        assertThat(outOfScope.status()).isEqualTo(403);
        assertThat(outOfScope.body()).isEqualTo(nobody.body());
        assertThat(outOfScope.error()).isEqualTo("person-not-reachable");
        assertThat(api.requestReset(officer, elsewhere.nationalId(), elsewhere.email(), null).body()).isEqualTo(nobody.body());
        assertThat(ResetMails.to(mail, elsewhere.email())).isEmpty();
    }

    @Test
    void anOfficerWithoutTheChiefsGrantIsToldToUseTheAgencyCertificate() {
        ResetTargets.Target person = targets.serving(SECOND_ADMINISTRATION);
        String officer = tokenOf(OTHER_OFFICER);

        PersonnelApiClient.Answer answer = api.search(officer, person.nationalId(), null);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.error()).isEqualTo("not-authorised");
        assertThat(answer.body().path("messageKey").asText()).isEqualTo("ecpa.personnel.error.notAuthorised");
        assertThat(api.get(officer, "/me").body().path("canReset").asBoolean()).isFalse();
        assertThat(api.get(officer, "/officers").error()).as("only a chief manages officers").isEqualTo("not-a-chief");
    }

    @Test
    void aConcurrentAgencyGrantMakesPeopleReachableAndItsRevocationUnreachableAgain() {
        ResetTargets.Target own = targets.serving(FIRST_ADMINISTRATION);
        ResetTargets.Target branch = targets.serving(SOUTHERN_BRANCH);
        String chief = tokenOf(CHIEF);
        String officerId = userByNationalId(OFFICER).toRepresentation().getId();
        String officer = tokenOf(OFFICER);

        assertThat(api.search(officer, own.nationalId(), null).error()).as("before the grant").isEqualTo("not-authorised");

        assertThat(api.grant(chief, officerId, true, List.of()).status()).isEqualTo(200);
        assertThat(api.search(officer, own.nationalId(), null).status()).as("own agency").isEqualTo(200);
        assertThat(api.search(officer, branch.nationalId(), null).error()).as("not yet 兼辦").isEqualTo("person-not-reachable");

        PersonnelApiClient.Answer granted = api.grant(chief, officerId, true, List.of(SOUTHERN_BRANCH));
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.body().path("concurrentAgencies").toString()).contains(SOUTHERN_BRANCH);
        assertThat(api.search(officer, branch.nationalId(), null).status()).as("兼辦 granted").isEqualTo(200);
        assertThat(api.get(chief, "/officers").body().toString()).contains(officerId, SOUTHERN_BRANCH);

        assertThat(api.grant(chief, officerId, true, List.of()).status()).isEqualTo(200);
        assertThat(api.search(officer, branch.nationalId(), null).error()).as("兼辦 revoked").isEqualTo("person-not-reachable");

        assertThat(api.grant(chief, officerId, true, List.of("X99999999A")).error()).isEqualTo("unknown-agency");
        assertThat(api.grant(officer, officerId, true, List.of(SOUTHERN_BRANCH)).error()).as("an officer cannot grant").isEqualTo("not-a-chief");
    }

    @Test
    void aChiefOfASubAgencyGrantsOnlyWithinTheirAgency() {
        ResetTargets.Target chief = targets.withRole(SECOND_ADMINISTRATION, "personnel-chief");
        String chiefToken = api.requireLogin(chief.account(), chief.givePassword());
        String ownOfficerId = userByNationalId(OTHER_OFFICER).toRepresentation().getId();
        String otherOfficerId = userByNationalId(OFFICER).toRepresentation().getId();
        try {
            assertThat(api.get(chiefToken, "/officers").body().toString()).contains(ownOfficerId).doesNotContain(otherOfficerId);
            assertThat(api.get(chiefToken, "/agencies").body().toString()).contains(SECOND_ADMINISTRATION, SOUTHERN_BRANCH)
                    .doesNotContain(FIRST_ADMINISTRATION);
            assertThat(api.grant(chiefToken, ownOfficerId, true, List.of(FIRST_ADMINISTRATION)).error())
                    .as("an agency outside the chief's").isEqualTo("agency-outside-scope");
            assertThat(api.grant(chiefToken, otherOfficerId, true, List.of()).error())
                    .as("an officer of another agency").isEqualTo("person-not-reachable");
            assertThat(api.grant(chiefToken, ownOfficerId, true, List.of(SOUTHERN_BRANCH)).status()).isEqualTo(200);

            AdminEventRepresentation event = realm.admin().getAdminEvents().stream()
                    .filter(e -> "ECPA_OFFICER_GRANTS".equals(e.getResourceType()) && e.getResourcePath().contains(ownOfficerId))
                    .findFirst().orElseThrow();
            assertThat(AdminEventDetails.json(event)).contains("\"target\":\"" + NationalIdMask.mask(OTHER_OFFICER) + "\"",
                    "\"concurrentAgencies\":\"" + SOUTHERN_BRANCH + "\"", "\"resetGranted\":\"true\"").doesNotContain(OTHER_OFFICER);
        } finally {
            api.grant(chiefToken, ownOfficerId, false, List.of());
        }
    }

    @Test
    void anAuthorisedOfficerResetsWithinTheirAgency() {
        ResetTargets.Target person = targets.serving(FIRST_ADMINISTRATION);
        String officer = grantedOfficer(List.of());

        PersonnelApiClient.Answer confirmed = api.reset(officer, person.nationalId(), person.email(), null);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(ResetMails.onlyTo(mail, person.email()).text()).contains("示範部第一署 機關的 王小美");
        assertThat(AdminEventDetails.json(resetEventFor(person.id()))).contains("\"actor\":\"xiaomei.wang\"", "\"method\":\"officer\"");
    }

    @Test
    void theHelpDeskReachesTheWholeRealmButMustGiveAReason() {
        ResetTargets.Target person = targets.serving(SOUTHERN_BRANCH);
        String helpDesk = this.helpDesk.consoleToken(api);

        assertThat(api.search(helpDesk, person.nationalId(), null).error()).isEqualTo("reason-missing");
        assertThat(api.requestReset(helpDesk, person.nationalId(), person.email(), " ").error()).isEqualTo("reason-missing");
        assertThat(api.search(helpDesk, person.nationalId(), "ticket 4711").status()).isEqualTo(200);

        PersonnelApiClient.Answer confirmed = api.reset(helpDesk, person.nationalId(), person.email(), "ticket 4711");
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(ResetMails.onlyTo(mail, person.email()).text()).contains("劉冠宇");
        assertThat(AdminEventDetails.json(resetEventFor(person.id()))).contains("\"method\":\"help-desk\"", "\"reason\":\"ticket 4711\"");
    }

    @Test
    void cancelChangesNothing() {
        ResetTargets.Target person = targets.serving(MINISTRY);
        String password = person.givePassword();
        Long passwordDate = person.passwordCreatedDate();
        String chief = tokenOf(CHIEF);

        PersonnelApiClient.Answer requested = api.requestReset(chief, person.nationalId(), "changed." + person.email(), null);
        String id = requested.body().path("confirmationId").asText();
        assertThat(api.delete(chief, "/resets/" + id).status()).isEqualTo(204);
        assertThat(api.confirm(chief, id).error()).isEqualTo("reset-not-found");

        assertThat(person.passwordCreatedDate()).isEqualTo(passwordDate);
        assertThat(person.representation().getEmail()).isEqualTo(person.email());
        assertThat(person.representation().getRequiredActions()).isEmpty();
        assertThat(ResetMails.to(mail, person.email())).isEmpty();
        assertThat(resetEventFor(person.id())).isNull();
        assertThat(api.login(person.account(), password)).isNotNull();
    }

    @Test
    void someoneElsesConfirmationIsUnknown() {
        ResetTargets.Target person = targets.serving(MINISTRY);
        String chief = tokenOf(CHIEF);
        String helpDesk = this.helpDesk.consoleToken(api);

        String id = api.requestReset(chief, person.nationalId(), person.email(), null).body().path("confirmationId").asText();
        assertThat(api.confirm(helpDesk, id).error()).isEqualTo("reset-not-found");
        assertThat(person.representation().getRequiredActions()).isEmpty();
    }

    @Test
    void everyRefusalHasItsOwnErrorAndChangesNothing() {
        ResetTargets.Target departed = targets.departed(MINISTRY);
        ResetTargets.Target person = targets.serving(MINISTRY);
        Long passwordDate = person.passwordCreatedDate();
        String chief = tokenOf(CHIEF);

        PersonnelApiClient.Answer retired = api.requestReset(chief, departed.nationalId(), departed.email(), null);
        assertThat(retired.status()).isEqualTo(409);
        assertThat(retired.error()).isEqualTo("person-departed");
        assertThat(api.search(chief, departed.nationalId(), null).body().path("employmentStatus").asText()).isEqualTo("departed");

        assertThat(api.requestReset(chief, CHIEF, "daming.wang@demo.ecpa.test", null).error()).as("own password").isEqualTo("own-account");
        assertThat(api.requestReset(chief, "A123456788", person.email(), null).error()).isEqualTo("bad-national-id");
        assertThat(api.search(chief, "not an id", null).error()).isEqualTo("bad-national-id");
        assertThat(api.requestReset(chief, person.nationalId(), null, null).error()).isEqualTo("email-missing");
        assertThat(api.requestReset(chief, person.nationalId(), "  ", null).error()).isEqualTo("email-missing");
        PersonnelApiClient.Answer badEmail = api.requestReset(chief, person.nationalId(), "not-an-address", null);
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.error()).isEqualTo("email-invalid");

        for (ResetTargets.Target target : List.of(departed, person)) {
            assertThat(target.representation().getRequiredActions()).isEmpty();
            assertThat(target.representation().getEmail()).isEqualTo(target.email());
            assertThat(ResetMails.to(mail, target.email())).isEmpty();
            assertThat(resetEventFor(target.id())).isNull();
        }
        assertThat(person.passwordCreatedDate()).isEqualTo(passwordDate);
    }

    @Test
    void whenTheLetterCannotBeSentNothingChanges() throws IOException {
        ResetTargets.Target person = targets.serving(MINISTRY);
        String password = person.givePassword();
        String chief = tokenOf(CHIEF);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RealmRepresentation original = realm.admin().toRepresentation();
        Map<String, String> smtp = Map.copyOf(original.getSmtpServer());
        Map<String, String> broken = new HashMap<>(smtp);
        broken.put("port", Integer.toString(closedPort));
        RealmRepresentation update = new RealmRepresentation();
        update.setSmtpServer(broken);
        realm.admin().update(update);
        PersonnelApiClient.Answer confirmed;
        try {
            confirmed = api.reset(chief, person.nationalId(), "moved." + person.email(), null);
        } finally {
            RealmRepresentation restore = new RealmRepresentation();
            restore.setSmtpServer(new HashMap<>(smtp));
            realm.admin().update(restore);
        }
        assertThat(confirmed.status()).isEqualTo(502);
        assertThat(confirmed.error()).isEqualTo("mail-failed");
        assertThat(api.login(person.account(), password)).as("the old password still works").isNotNull();
        assertThat(person.representation().getEmail()).isEqualTo(person.email());
        assertThat(person.representation().getRequiredActions()).isEmpty();
        assertThat(resetEventFor(person.id())).as("no event claims success").isNull();
    }

    @Test
    void resetsAreRateLimitedPerCaller() {
        // The limit counts per clock hour: a run across the full hour would start a fresh count.
        assumeTrue(LocalTime.now().getMinute() < 58, "too close to the full hour");
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        String token = api.requireLogin(chief.account(), chief.givePassword());
        ResetTargets.Target person = targets.serving(MINISTRY);

        for (int i = 0; i < DEFAULT_RESETS_PER_HOUR; i++) {
            assertThat(api.reset(token, person.nationalId(), person.email(), "ticket " + i).status()).as("reset %d", i).isEqualTo(200);
        }
        PersonnelApiClient.Answer tooMany = api.reset(token, person.nationalId(), person.email(), "ticket x");
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.error()).isEqualTo("rate-limited");
        assertThat(ResetMails.to(mail, person.email())).hasSize(DEFAULT_RESETS_PER_HOUR);

        String otherChief = tokenOf(CHIEF);
        ResetTargets.Target other = targets.serving(MINISTRY);
        assertThat(api.reset(otherChief, other.nationalId(), other.email(), null).status()).as("another caller").isEqualTo(200);
    }

    @Test
    void anEnglishSpeakerGetsTheLetterInEnglish() {
        ResetTargets.Target person = targets.servingInEnglish(MINISTRY);
        String chief = tokenOf(CHIEF);

        assertThat(api.reset(chief, person.nationalId(), person.email(), null).status()).isEqualTo(200);
        ResetMails.Letter letter = ResetMails.onlyTo(mail, person.email());
        assertThat(letter.subject()).isEqualTo("ECPA Personnel Service Portal: your password was reset");
        assertThat(letter.text()).contains("王大明 of Ministry of Demonstration", "Your new password:", letter.password(), "Change this password right after logging in");
    }

    /**
     * The letter's link is the realm's frontend URL (what the person's browser reaches), not the host the
     * officer's console called the API on (an internal name, say). The chief signs in through the frontend
     * URL (tokens are issued for it) and calls the API on the server's own address.
     */
    @Test
    void theLettersLinkIsBuiltFromTheRealmsFrontendUrl() {
        ResetTargets.Target person = targets.serving(MINISTRY);
        URI server = URI.create(realm.getBaseUrl());
        String frontend = server.getScheme() + "://" + ("localhost".equals(server.getHost()) ? "127.0.0.1" : "localhost") + ":" + server.getPort();
        Map<String, String> original = Map.copyOf(realm.admin().toRepresentation().getAttributesOrEmpty());
        Map<String, String> withFrontend = new HashMap<>(original);
        withFrontend.put("frontendUrl", frontend);
        setRealmAttributes(withFrontend);
        PersonnelApiClient.Answer confirmed;
        try (PersonnelApiClient viaFrontend = new PersonnelApiClient(frontend + "/realms/" + REALM, realm.admin())) {
            var chief = userByNationalId(CHIEF);
            String token = viaFrontend.requireLogin(chief.toRepresentation().getUsername(), DemoUsers.givePassword(chief));
            confirmed = api.reset(token, person.nationalId(), person.email(), null);
        } finally {
            setRealmAttributes(original);
        }
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        ResetMails.Letter letter = ResetMails.onlyTo(mail, person.email());
        assertThat(letter.text()).contains("登入網址： " + frontend + "/realms/" + REALM + "/account");
        assertThat(letter.html()).contains("href=\"" + frontend + "/realms/" + REALM + "/account\"");
        assertThat(realm.admin().toRepresentation().getAttributesOrEmpty()).as("the realm's attributes, restored").isEqualTo(original);
        assertThat(issuer()).as("tokens are issued for the server's own address again").isEqualTo(realm.getBaseUrl());
    }

    /**
     * Keycloak's realm update takes the representation's attributes as the whole set (it removes every
     * attribute the map leaves out, {@code acr.loa.map} included), so the test always sends them all.
     */
    private void setRealmAttributes(Map<String, String> attributes) {
        RealmRepresentation update = new RealmRepresentation();
        update.setAttributes(new HashMap<>(attributes));
        realm.admin().update(update);
    }

    private String issuer() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/.well-known/openid-configuration")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(response.body()).path("issuer").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The demo officer 王小美 with the chief's reset permission and the given concurrent agencies. */
    private String grantedOfficer(List<String> concurrentAgencies) {
        String officerId = userByNationalId(OFFICER).toRepresentation().getId();
        PersonnelApiClient.Answer granted = api.grant(tokenOf(CHIEF), officerId, true, concurrentAgencies);
        assertThat(granted.status()).as("%s", granted).isEqualTo(200);
        return tokenOf(OFFICER);
    }

    private AdminEventRepresentation resetEventFor(String userId) {
        return realm.admin().getAdminEvents().stream()
                .filter(e -> "ECPA_PASSWORD_RESET".equals(e.getResourceType()))
                .filter(e -> e.getResourcePath() != null && e.getResourcePath().contains(userId))
                .findFirst().orElse(null);
    }
}

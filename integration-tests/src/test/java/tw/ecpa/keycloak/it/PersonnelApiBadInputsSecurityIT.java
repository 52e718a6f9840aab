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
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Bad input against the personnel API (search, both reset steps, grants) and the portal chrome endpoint
 * (security issue, item 6). Each row names one input; each gets the answer's status and the API's problem
 * code and message key (the chrome endpoint: its figures, nobody identified), never a 500, and changes
 * nothing: the person asked about, the officer whose grants are sent and the chief who sends them read the
 * same through the admin API before and after (attributes, e-mail, enabled, required actions, credentials),
 * no letter is sent and no reset or grants event is recorded. Before, 15 rows failed: a body of the wrong
 * JSON types or with a field too many got Keycloak's generic 400 ({@code unknown_error}) without the API's
 * problem body, a wrong content type Keycloak's 415 text, a body without content type or of 100 KiB was
 * served (200), and a grants request with a null or missing list of concurrent agencies silently revoked
 * them all (200).
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class PersonnelApiBadInputsSecurityIT extends EcpaIntegrationTest {

    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** What a row's request may use: a chief of the ministry signed in to the console, a person to ask about, an officer. */
    record Fixture(PersonnelApiClient api, String chiefToken, ResetTargets.Target person, String officerId, PersonnelApiBadInputsSecurityIT test) {

        PersonnelApiClient.Answer post(String path, String body) {
            return api.raw(chiefToken, "POST", path, JSON, body);
        }

        PersonnelApiClient.Answer grants(String body) {
            return api.raw(chiefToken, "PUT", "/officers/" + officerId + "/grants", JSON, body);
        }

        String resetBody(String email) {
            return json(Map.of("nationalId", person.nationalId(), "email", email));
        }
    }

    /** One bad input: its name, the request, and the answer it must get (error null: an answer from before the API, no problem body). */
    record Row(String name, Function<Fixture, PersonnelApiClient.Answer> request, int status, String error) {

        @Override
        public String toString() {
            return name;
        }
    }

    private PersonnelApiClient api;
    private ResetTargets targets;

    @BeforeEach
    void freshClient() {
        api = new PersonnelApiClient(realm.getBaseUrl(), realm.admin());
        targets = new ResetTargets(realm.admin());
    }

    @AfterEach
    void cleanUp() {
        targets.close();
        api.close();
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                // search
                row("search: national ID with a wrong check digit", f -> f.post("/search", "{\"nationalId\":\"A123456788\"}"), 400, "bad-national-id"),
                row("search: national ID of 10 000 characters", f -> f.post("/search", json(Map.of("nationalId", "A" + "1".repeat(10_000)))), 400, "bad-national-id"),
                row("search: national ID as a JSON number", f -> f.post("/search", "{\"nationalId\":123456789}"), 400, "invalid-request"),
                row("search: national ID as an object ({\"$ne\": null})", f -> f.post("/search", "{\"nationalId\":{\"$ne\":null}}"), 400, "invalid-request"),
                row("search: no national ID", f -> f.post("/search", "{}"), 400, "bad-national-id"),
                row("search: SQL in the national ID", f -> f.post("/search", json(Map.of("nationalId", f.person().nationalId() + "' OR '1'='1"))), 400, "bad-national-id"),
                row("search: zero-width space inside the person's ID", f -> f.post("/search",
                        json(Map.of("nationalId", f.person().nationalId().substring(0, 5) + "\u200B" + f.person().nationalId().substring(5)))), 400, "bad-national-id"),
                row("search: Cyrillic А in place of the Latin A", f -> f.post("/search",
                        json(Map.of("nationalId", "\u0410" + f.person().nationalId().substring(1)))), 400, "bad-national-id"),
                row("search: a form-encoded body labelled JSON", f -> f.post("/search", "nationalId=" + f.person().nationalId()), 400, "invalid-request"),
                row("search: content type text/plain", f -> f.api().raw(f.chiefToken(), "POST", "/search", "text/plain",
                        json(Map.of("nationalId", f.person().nationalId()))), 415, "unsupported-media-type"),
                row("search: no content type", f -> f.api().raw(f.chiefToken(), "POST", "/search", null,
                        json(Map.of("nationalId", f.person().nationalId()))), 415, "unsupported-media-type"),
                row("search: a JSON array", f -> f.post("/search", "[\"" + f.person().nationalId() + "\"]"), 400, "invalid-request"),
                row("search: an unknown field (\"admin\": true)", f -> f.post("/search", "{\"nationalId\":\"" + f.person().nationalId() + "\",\"admin\":true}"), 400, "invalid-request"),
                row("search: a body of 100 KiB", f -> f.post("/search", json(Map.of("nationalId", f.person().nationalId(), "reason", "x".repeat(100 * 1024)))), 400, "invalid-request"),
                row("search: an empty body", f -> f.post("/search", ""), 400, "invalid-request"),
                row("search: GET instead of POST (no such resource)", f -> f.api().raw(f.chiefToken(), "GET", "/search", null, null), 404, null),
                // reset, step one
                row("reset: CRLF and a Bcc header in the e-mail", f -> f.post("/resets", f.resetBody("x@it.ecpa.test\r\nBcc: evil@evil.ecpa.test")), 400, "email-invalid"),
                row("reset: e-mail without @", f -> f.post("/resets", f.resetBody("not-an-address")), 400, "email-invalid"),
                row("reset: e-mail of 320 characters", f -> f.post("/resets", f.resetBody("a".repeat(300) + "@it.ecpa.test")), 400, "email-invalid"),
                row("reset: right-to-left override in the e-mail", f -> f.post("/resets", f.resetBody("\u202Etset.apce.ti@live")), 400, "email-invalid"),
                row("reset: zero-width space in the e-mail", f -> f.post("/resets", f.resetBody("x\u200B@it.ecpa.test")), 400, "email-invalid"),
                row("reset: two addresses in one", f -> f.post("/resets", f.resetBody("x@it.ecpa.test,evil@evil.ecpa.test")), 400, "email-invalid"),
                row("reset: e-mail as a list", f -> f.post("/resets", "{\"nationalId\":\"" + f.person().nationalId() + "\",\"email\":[\"x@it.ecpa.test\"]}"), 400, "invalid-request"),
                row("reset: no e-mail", f -> f.post("/resets", json(Map.of("nationalId", f.person().nationalId()))), 400, "email-missing"),
                row("reset: malformed national ID with a good e-mail", f -> f.post("/resets", json(Map.of("nationalId", "A12345678", "email", f.person().email()))), 400, "bad-national-id"),
                // reset, step two
                row("confirm: an unknown confirmation id", f -> f.post("/resets/" + "A".repeat(32) + "/confirm", null), 404, "reset-not-found"),
                row("confirm: a confirmation id of 1 000 characters", f -> f.post("/resets/" + "A".repeat(1_000) + "/confirm", null), 404, "reset-not-found"),
                row("confirm: SQL in the confirmation id", f -> f.post("/resets/" + URLEncoder.encode("' OR 1=1 --", StandardCharsets.UTF_8) + "/confirm", null), 404, "reset-not-found"),
                row("confirm: GET instead of POST (no such resource)", f -> f.api().raw(f.chiefToken(), "GET", "/resets/" + "A".repeat(32) + "/confirm", null, null), 404, null),
                // grants
                row("grants: concurrent agencies null", f -> f.grants("{\"resetGranted\":true,\"concurrentAgencies\":null}"), 400, "invalid-request"),
                row("grants: no concurrent agencies field", f -> f.grants("{\"resetGranted\":true}"), 400, "invalid-request"),
                row("grants: 101 concurrent agencies", f -> f.grants(json(Map.of("resetGranted", true, "concurrentAgencies",
                        IntStream.range(0, 101).mapToObj(i -> "X1002100" + (i % 10) + "A").toList()))), 400, "invalid-request"),
                row("grants: an agency code of 21 characters", f -> f.grants(json(Map.of("resetGranted", true, "concurrentAgencies", List.of("X".repeat(21))))), 400, "invalid-request"),
                row("grants: a null agency code", f -> f.grants("{\"resetGranted\":true,\"concurrentAgencies\":[null]}"), 400, "invalid-request"),
                row("grants: agency codes as numbers", f -> f.grants("{\"resetGranted\":true,\"concurrentAgencies\":[1,2]}"), 400, "invalid-request"),
                row("grants: one agency code instead of a list", f -> f.grants("{\"resetGranted\":true,\"concurrentAgencies\":\"X10021000A\"}"), 400, "invalid-request"),
                row("grants: resetGranted \"yes\"", f -> f.grants("{\"resetGranted\":\"yes\",\"concurrentAgencies\":[]}"), 400, "invalid-request"),
                row("grants: no resetGranted", f -> f.grants("{\"concurrentAgencies\":[]}"), 400, "invalid-request"),
                row("grants: an unknown agency code", f -> f.grants(json(Map.of("resetGranted", true, "concurrentAgencies", List.of("X99999999A")))), 400, "unknown-agency"),
                row("grants: SQL in an agency code", f -> f.grants(json(Map.of("resetGranted", true, "concurrentAgencies", List.of("X1' OR '1'='1")))), 400, "unknown-agency"),
                row("grants: the id of a user of the master realm", f -> f.api().raw(f.chiefToken(), "PUT", "/officers/" + f.test().masterUserId() + "/grants", JSON,
                        json(Map.of("resetGranted", true, "concurrentAgencies", List.of()))), 403, "person-not-reachable"),
                row("grants: content type text/plain", f -> f.api().raw(f.chiefToken(), "PUT", "/officers/" + f.officerId() + "/grants", "text/plain",
                        json(Map.of("resetGranted", true, "concurrentAgencies", List.of()))), 415, "unsupported-media-type"),
                // tokens
                row("token: none", f -> f.api().raw(null, "POST", "/search", JSON, json(Map.of("nationalId", f.person().nationalId()))), 401, null),
                row("token: signature tampered with", f -> f.api().raw(tampered(f.chiefToken()), "POST", "/search", JSON,
                        json(Map.of("nationalId", f.person().nationalId()))), 401, null),
                row("token: of the master realm (admin-cli)", f -> f.api().raw(f.test().masterToken(), "POST", "/search", JSON,
                        json(Map.of("nationalId", f.person().nationalId()))), 403, "console-token-required"),
                row("token: of a session that was signed out", f -> f.api().raw(f.test().signedOutToken(), "POST", "/search", JSON,
                        json(Map.of("nationalId", f.person().nationalId()))), 401, null),
                // the portal chrome
                row("chrome: an unknown client and tab", f -> f.test().chrome("client_id=nobody&tab_id=nothing"), 200, null),
                row("chrome: parameters of 2 000 characters", f -> f.test().chrome("client_id=" + "c".repeat(2_000) + "&tab_id=" + "t".repeat(2_000)
                        + "&lang=" + "e".repeat(2_000)), 200, null),
                row("chrome: markup and SQL in the parameters", f -> f.test().chrome("client_id=" + URLEncoder.encode("<script>' OR 1=1 --", StandardCharsets.UTF_8)
                        + "&tab_id=" + URLEncoder.encode("'; DROP TABLE ECPA_VISITOR_COUNT; --", StandardCharsets.UTF_8)), 200, null),
                row("chrome: a NUL character in a parameter (Keycloak's own filter)", f -> f.test().chrome("tab_id=" + URLEncoder.encode("tab\u0000", StandardCharsets.UTF_8)),
                        400, null),
                row("chrome: POST instead of GET", f -> f.test().chromeWith("POST"), 405, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void aBadInputGetsItsAnswerAndChangesNothing(Row row) {
        ResetTargets.Target chief = targets.withRole(PersonnelResetIT.MINISTRY, "personnel-chief");
        String chiefToken = api.requireLogin(chief.account(), chief.givePassword());
        ResetTargets.Target person = targets.serving(PersonnelResetIT.MINISTRY);
        UserResource officer = userByNationalId(PersonnelResetIT.OFFICER);
        String officerId = officer.toRepresentation().getId();
        Fixture fixture = new Fixture(api, chiefToken, person, officerId, this);
        List<String> before = List.of(recordOf(person.admin()), recordOf(officer), recordOf(chief.admin()));
        long since = System.currentTimeMillis();
        long visitsBefore = visits();

        PersonnelApiClient.Answer answer = row.request().apply(fixture);

        assertThat(answer.status()).as("%s: %s", row.name(), answer.body()).isEqualTo(row.status());
        if (row.error() != null) {
            assertThat(answer.error()).as("the problem code").isEqualTo(row.error());
            assertThat(answer.body().path("messageKey").asText()).as("the message key")
                    .startsWith("ecpa.personnel.error.").isEqualTo(messageKeyOf(row.error()));
        } else if (row.status() == 200) {
            assertThat(answer.body().has("onlineNow")).as("the chrome's figures").isTrue();
            assertThat(answer.body().has("person")).as("nobody identified").isFalse();
        } else {
            assertThat(answer.body().has("messageKey")).as("no personnel answer before the API").isFalse();
        }
        assertThat(answer.body().toString()).as("nothing of the person in the answer").doesNotContain(person.nationalId(), person.email());

        assertThat(List.of(recordOf(person.admin()), recordOf(officer), recordOf(chief.admin()))).as("the records").isEqualTo(before);
        assertThat(ResetMails.to(mail, person.email())).as("letters").isEmpty();
        assertThat(writesSince(since, person.id(), officerId)).as("reset and grants events").isEmpty();
        if (row.name().startsWith("chrome:")) {
            assertThat(visits()).as("the visitor count").isEqualTo(visitsBefore);
        }
    }

    private static Arguments row(String name, Function<Fixture, PersonnelApiClient.Answer> request, int status, String error) {
        return Arguments.of(new Row(name, request, status, error));
    }

    /** The message key each problem code carries (docs/personnel-api.md, "Errors"). */
    private static String messageKeyOf(String error) {
        StringBuilder key = new StringBuilder("ecpa.personnel.error.");
        boolean upper = false;
        for (char c : error.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }

    /** What a reset or a grant could change on a person, read through the admin API. */
    private static String recordOf(UserResource user) {
        UserRepresentation rep = user.toRepresentation();
        Map<String, List<String>> attributes = new TreeMap<>(rep.getAttributes() == null ? Map.of() : rep.getAttributes());
        List<String> actions = rep.getRequiredActions() == null ? List.of() : rep.getRequiredActions().stream().sorted().toList();
        String credentials = user.credentials().stream().map(c -> c.getType() + ":" + c.getId() + ":" + c.getCreatedDate()).sorted()
                .collect(Collectors.joining(","));
        return rep.getUsername() + "|" + rep.getEmail() + "|" + rep.isEmailVerified() + "|" + rep.isEnabled() + "|" + attributes + "|" + actions
                + "|" + credentials;
    }

    private List<AdminEventRepresentation> writesSince(long since, String... userIds) {
        return realm.admin().getAdminEvents().stream()
                .filter(e -> e.getTime() >= since)
                .filter(e -> "ECPA_PASSWORD_RESET".equals(e.getResourceType()) || "ECPA_OFFICER_GRANTS".equals(e.getResourceType()))
                .filter(e -> Stream.of(userIds).anyMatch(id -> e.getResourcePath() != null && e.getResourcePath().contains(id)))
                .toList();
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same token with one character of its signature changed. */
    private static String tampered(String token) {
        int last = token.length() - 5;
        char changed = token.charAt(last) == 'A' ? 'B' : 'A';
        return token.substring(0, last) + changed + token.substring(last + 1);
    }

    String masterUserId() {
        return admin.realm("master").users().list(0, 1).get(0).getId();
    }

    String masterToken() {
        return admin.tokenManager().getAccessTokenString();
    }

    /** A console token of a chief whose sessions an administrator then ended (Sign out in the admin console). */
    String signedOutToken() {
        ResetTargets.Target chief = targets.withRole(PersonnelResetIT.MINISTRY, "personnel-chief");
        String token = api.requireLogin(chief.account(), chief.givePassword());
        chief.admin().logout();
        return token;
    }

    PersonnelApiClient.Answer chrome(String query) {
        return chrome("GET", query);
    }

    PersonnelApiClient.Answer chromeWith(String method) {
        return chrome(method, "");
    }

    private PersonnelApiClient.Answer chrome(String method, String query) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/ecpa-portal/chrome?" + query))
                    .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", JSON).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? MAPPER.createObjectNode() : parseOrText(response.body());
            return new PersonnelApiClient.Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long visits() {
        return chrome("").body().path("total").asLong();
    }

    private static JsonNode parseOrText(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return MAPPER.getNodeFactory().textNode(body);
        }
    }
}

package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import tw.ecpa.keycloak.dev.demo.DemoPersonnel;
import tw.ecpa.keycloak.dev.demo.DevRealmImport;
import tw.ecpa.keycloak.dev.server.DevKeycloak;

/**
 * The visitor figures are kept in the database, not in a node's memory: a Keycloak stopped and started
 * again on the database it had shows the same today's and cumulative visits, and counts on from them.
 *
 * <p>The suite's one framework-managed server cannot be restarted, so this test runs a Keycloak of its
 * own: the same distribution (keycloak.distribution.version) with the same bundle, which Maven unpacks under
 * target/restart-keycloak, in development mode on its embedded H2 file, on ports of its own
 * (8480, management 9400) so it can run beside the framework's server.
 */
class VisitorFiguresRestartIT {

    private static final int HTTP_PORT = 8480;
    private static final int MANAGEMENT_PORT = 9400;
    private static final String CLIENT_ID = "restart-it-app";
    /** Nothing listens there: the login client stops at the redirect to the application and keeps its code. */
    private static final String REDIRECT_URI = "http://127.0.0.1:9/callback";
    private static final ZoneId PORTAL_ZONE = ZoneId.of("Asia/Taipei");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theFiguresAreTheSameAfterARestartAndCountOnFromThere() throws Exception {
        Path home = Path.of(System.getProperty("ecpa.restartKeycloak.home", "target/restart-keycloak"));
        Path log = home.resolveSibling("restart-keycloak.log");
        DemoPersonnel personnel = DemoPersonnel.load();
        DevRealmImport realm = DevRealmImport.fromBundle(home.resolve("providers/ecpa-keycloak-bundle.jar")).withDemoPersonnel(personnel);
        String account = aServingPersonsAccount(personnel, realm);
        String adminPassword = UUID.randomUUID().toString();

        try (DevKeycloak keycloak = new DevKeycloak(home, HTTP_PORT, MANAGEMENT_PORT)) {
            keycloak.start(realm.realmName(), withTestClient(realm.toJson()), "admin", adminPassword, log);
            String realmUrl = keycloak.baseUrl() + "/realms/" + realm.realmName();
            LocalDate dayBefore = LocalDate.now(PORTAL_ZONE);

            logIn(realmUrl, account, realm.passwords().get(account));
            logIn(realmUrl, account, realm.passwords().get(account));
            JsonNode beforeRestart = chrome(realmUrl);
            assertThat(beforeRestart.path("today").asLong()).as("today's visits on a fresh database after two logins").isEqualTo(2);
            assertThat(beforeRestart.path("total").asLong()).as("cumulative visits on a fresh database after two logins").isEqualTo(2);
            assertThat(beforeRestart.path("onlineNow").asLong()).as("online now").isPositive();

            keycloak.restart(realm.realmName(), "admin", adminPassword, log);
            JsonNode afterRestart = chrome(realmUrl);
            boolean sameDay = dayBefore.equals(LocalDate.now(PORTAL_ZONE));

            assertThat(afterRestart.path("total").asLong()).as("cumulative visits after the restart").isEqualTo(2);
            if (sameDay) {
                assertThat(afterRestart.path("today").asLong()).as("today's visits after the restart").isEqualTo(2);
            }
            // Keycloak 26 keeps user sessions in the database: the person signed in before is still online.
            assertThat(afterRestart.path("onlineNow").asLong()).as("online now after the restart")
                    .isEqualTo(beforeRestart.path("onlineNow").asLong());

            logIn(realmUrl, account, realm.passwords().get(account));
            JsonNode afterNextLogin = chrome(realmUrl);
            assertThat(afterNextLogin.path("total").asLong()).as("a login after the restart counts on from the kept total").isEqualTo(3);
            if (sameDay && dayBefore.equals(LocalDate.now(PORTAL_ZONE))) {
                assertThat(afterNextLogin.path("today").asLong()).as("and from today's kept visits").isEqualTo(3);
            }
        }
    }

    /** A demo person who has set up a custom account and is serving: one whose login ends at the application. */
    private static String aServingPersonsAccount(DemoPersonnel personnel, DevRealmImport realm) {
        return personnel.personnel().stream()
                .filter(DemoPersonnel.Person::serving)
                .flatMap(person -> person.customAccount().stream())
                .filter(realm.passwords()::containsKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo personnel has no serving person with a custom account"));
    }

    /** The demo realm plus a public client of a relying application, as an agency would register it. */
    private static String withTestClient(String realmJson) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(realmJson);
        ArrayNode clients = realm.has("clients") ? (ArrayNode) realm.get("clients") : realm.putArray("clients");
        ObjectNode client = clients.addObject();
        client.put("clientId", CLIENT_ID).put("publicClient", true).put("standardFlowEnabled", true)
                .put("directAccessGrantsEnabled", false);
        client.putArray("redirectUris").add(REDIRECT_URI);
        client.putObject("attributes").put("pkce.code.challenge.method", "S256");
        return JSON.writeValueAsString(realm);
    }

    /** The home page's 帳號登入 box in a browser of its own; the login must reach the application. */
    private static void logIn(String realmUrl, String account, String password) {
        // The code is never redeemed: any verifier's challenge will do, as long as it is a real S256 one.
        String challenge = OidcCodeFlow.s256(OidcCodeFlow.randomUrlSafe(32));
        String authorization = realmUrl + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)
                + "&response_type=code&scope=openid&state=" + UUID.randomUUID()
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        CardLoginClient browser = new CardLoginClient();
        browser.open(authorization);
        CardLoginClient.Page answer = browser.logInWithPassword(account, password);
        assertThat(answer.redirectedToApplication()).as("the login of %s reached the application; the page was:%n%s", account, answer.body())
                .isTrue();
    }

    /** The header's figures, as every page asks for them. */
    private static JsonNode chrome(String realmUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl + "/ecpa-portal/chrome")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("the chrome endpoint: %s", response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}

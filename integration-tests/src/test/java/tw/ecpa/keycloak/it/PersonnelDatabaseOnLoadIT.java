package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.personneldb.PersonnelDatabaseStorageProviderFactory;

/**
 * The personnel database asked while people log in, between syncs, on the real server: 卸職 written into the
 * database is refused at the next 帳號登入 with the guide's message before any sync; someone added to the
 * database binds their card (or is found by 帳號登入) at once, imported at that look-up; and with the
 * database server stopped (H2's TCP server: the test server, on Keycloak's dev-file database, carries no
 * PostgreSQL driver), an imported person still logs in with the last sync's record and
 * the server log says so by masked ID, while the first binding of someone not imported yet says the
 * personnel database cannot be reached and writes nothing, until the database is back.
 *
 * <p>The components are removed afterwards, and with them the users they imported (their cards too).
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class PersonnelDatabaseOnLoadIT extends EcpaIntegrationTest {

    private static final String REDIRECT_URI = "http://127.0.0.1:9/callback";
    /** The holder of the demo card {@code citizen-no-record}, on no record of the demo realm. */
    private static final String NO_RECORD_ID = RunSecrets.nationalId("U188776656");
    private static final String NO_RECORD_CARD = "citizen-no-record";
    private static final String FIRST_BRANCH = "X10010000A";
    /** A port of its own, apart from the other tests' servers. */
    private static final int DATABASE_PORT = 55435;
    private static final String CERTIFICATE = "ecpa-certificate";

    private CardWorld world;
    private CertificateLoginFlow flow;
    private TestApp app;
    private Path directory;
    private String h2Url;
    private String componentId;
    private Server databaseServer;
    private int staffNo;

    @BeforeEach
    void setUp(CardWorld world) throws IOException {
        this.world = world;
        flow = new CertificateLoginFlow(realm.admin(), realmAdminApi(), world);
        app = TestApp.register(realm.admin(), "it-personnel-on-load-", REDIRECT_URI);
        directory = Files.createTempDirectory("ecpa-personnel-on-load-it");
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (componentId != null) {
            realm.admin().components().component(componentId).remove();
        }
        app.close();
        flow.close();
        if (databaseServer != null) {
            databaseServer.stop();
        }
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void departedWrittenIntoTheDatabaseIsRefusedAtTheNextAccountLoginBeforeAnySync() throws Exception {
        h2Database();
        String id = TestPeople.newNationalId();
        h2Staff(id, "1");
        componentId = createProvider(h2Url, "sa", "");
        realm.admin().userStorage().syncUsers(componentId, "triggerFullSync");
        String password = DemoUsers.givePassword(userByNationalId(id));

        CardLoginClient.Page serving = logIn(id, password);
        assertThat(serving.body()).doesNotContain(message("ecpa.login.departed")).doesNotContain(message("ecpa.login.invalid"));
        assertThat(serving.redirectedToApplication() || !serving.body().contains("name=\"password\""))
                .as("past the password box").isTrue();

        h2Execute("UPDATE hr.staff SET duty_code = '2' WHERE id_no = ?", id);

        CardLoginClient.Page departed = logIn(id, password);
        assertThat(departed.body()).contains(message("ecpa.login.departed"));
        assertThat(departed.redirectedToApplication()).isFalse();
        assertThat(userByNationalId(id).toRepresentation().getAttributes().get("employmentStatus"))
                .as("written at the load, before any sync").containsExactly("departed");
    }

    @Test
    void someoneAddedToTheDatabaseBindsTheirCardAndIsFoundByAccountLoginAtOnce() throws Exception {
        h2Database();
        componentId = createProvider(h2Url, "sa", "");
        h2Staff(NO_RECORD_ID, "1");
        assertThat(realm.admin().users().searchByAttributes("nationalId:" + NO_RECORD_ID, true)).as("not synchronised").isEmpty();

        CardLoginClient browser = atTheBindingPage();
        CardLoginClient.Page bound = browser.bind(NO_RECORD_ID);

        assertThat(bound.shows("ecpa-binding-form")).as(bound.body()).isFalse();
        UserRepresentation imported = userByNationalId(NO_RECORD_ID).toRepresentation();
        assertThat(imported.getFederationLink()).isEqualTo(componentId);
        assertThat(imported.getAttributes().get("agencyCode")).containsExactly(FIRST_BRANCH);
        assertThat(boundCards(NO_RECORD_ID)).hasSize(1);

        String newcomer = TestPeople.newNationalId();
        h2Staff(newcomer, "1");
        logIn(newcomer, "Not-the-password-9");
        assertThat(userByNationalId(newcomer).toRepresentation().getFederationLink())
                .as("imported at the 帳號登入 look-up").isEqualTo(componentId);
    }

    @Test
    void withTheDatabaseServerStoppedImportedPeopleLogInAndTheFirstBindingSaysTheDatabaseCannotBeReached() throws Exception {
        startDatabaseServer();
        h2Url = "jdbc:h2:tcp://127.0.0.1:" + DATABASE_PORT + "/hr";
        try (Connection connection = DriverManager.getConnection(h2Url, "sa", ""); Statement statement = connection.createStatement()) {
            for (String sql : documentedSql()) {
                statement.execute(sql);
            }
        }
        String id = TestPeople.newNationalId();
        h2Staff(id, "1");
        componentId = createProvider(h2Url, "sa", "");
        realm.admin().userStorage().syncUsers(componentId, "triggerFullSync");
        String password = DemoUsers.givePassword(userByNationalId(id));
        h2Staff(NO_RECORD_ID, "1");

        databaseServer.stop();
        CardLoginClient.Page loggedIn;
        List<String> log;
        try (ServerLog server = new ServerLog()) {
            loggedIn = logIn(id, password);
            log = server.lines();
        }
        assertThat(loggedIn.body()).doesNotContain(message("ecpa.login.invalid")).doesNotContain(message("ecpa.login.departed"));
        assertThat(loggedIn.redirectedToApplication() || !loggedIn.body().contains("name=\"password\""))
                .as("past the password box with the last sync's record").isTrue();
        String masked = id.substring(0, 2) + "*****" + id.substring(7);
        assertThat(log).anyMatch(line -> line.contains("WARN") && line.contains("could not be reached for " + masked)
                && line.contains("status of the last sync"));
        assertThat(log).noneMatch(line -> line.contains(id));
        // Not asserted (a cost, not a behaviour): with nothing kept, each load Keycloak validates is one look-up.
        System.out.printf("PersonnelDatabaseOnLoadIT: one 帳號登入 validated its person %d times%n",
                log.stream().filter(line -> line.contains("could not be reached for " + masked)).count());

        CardLoginClient browser = atTheBindingPage();
        CardLoginClient.Page refused = browser.bind(NO_RECORD_ID);
        assertThat(refused.shows("ecpa-binding-form")).isTrue();
        assertThat(refused.body()).contains(message("ecpa.binding.personnelDatabaseUnreachable"))
                .doesNotContain(message("ecpa.binding.notInPersonnelDatabase"));
        assertThat(realm.admin().users().searchByAttributes("nationalId:" + NO_RECORD_ID, true)).as("nothing written").isEmpty();

        startDatabaseServer();
        CardLoginClient.Page bound = browser.bind(NO_RECORD_ID);
        assertThat(bound.shows("ecpa-binding-form")).as(bound.body()).isFalse();
        assertThat(userByNationalId(NO_RECORD_ID).toRepresentation().getFederationLink()).isEqualTo(componentId);
        assertThat(boundCards(NO_RECORD_ID)).hasSize(1);
    }

    /** The database as a server of its own (H2's TCP server on a file in the test's directory), to be stopped and started. */
    private void startDatabaseServer() throws SQLException {
        databaseServer = Server.createTcpServer("-tcpPort", String.valueOf(DATABASE_PORT), "-ifNotExists",
                "-baseDir", directory.toString()).start();
    }

    private CardLoginClient atTheBindingPage() {
        world.reader().insert(NO_RECORD_CARD);
        CardLoginClient browser = new CardLoginClient(world.readerUrl());
        browser.open(flow.authorizationUrl(realm.getBaseUrl()));
        CardLoginClient.Page page = browser.logInWithPin(world.catalogue().get(NO_RECORD_CARD).pin());
        assertThat(page.shows("ecpa-binding-form")).as("the binding page of a card bound to nobody").isTrue();
        return browser;
    }

    /** A new browser posts the 帳號登入 box once on the realm's own flow: the page that answers. */
    private CardLoginClient.Page logIn(String typed, String password) {
        CardLoginClient browser = new CardLoginClient();
        browser.open(AuthorizationRequest.url(realm.getBaseUrl(), app.clientId(), REDIRECT_URI));
        return browser.logInWithPassword(typed, password);
    }

    private List<CredentialRepresentation> boundCards(String nationalId) {
        return userByNationalId(nationalId).credentials().stream().filter(c -> CERTIFICATE.equals(c.getType())).toList();
    }

    private static String message(String key) {
        return EcpaPages.messageIn("zh-Hant", key);
    }

    /**
     * The provider, asking the database at every load (the answer kept 0 s: Keycloak's user cache is then off for
     * its users too), so each login of the test sees the database as it is.
     */
    private String createProvider(String jdbcUrl, String user, String password) {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName("公務人力資料庫");
        component.setProviderId(PersonnelDatabaseStorageProviderFactory.PROVIDER_ID);
        component.setProviderType(UserStorageProvider.class.getName());
        component.setParentId(realm.admin().toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("jdbcUrl", jdbcUrl);
        config.putSingle("user", user);
        config.putSingle("password", password);
        config.putSingle("table", "ecpa.personnel");
        config.putSingle("lookupTimeoutSeconds", "2");
        config.putSingle("onLoadCacheSeconds", "0");
        config.putSingle("enabled", "true");
        config.putSingle("importEnabled", "true");
        component.setConfig(config);
        try (Response response = realm.admin().components().add(component)) {
            assertThat(response.getStatus()).as("creating the provider").isEqualTo(201);
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private void h2Database() throws IOException, SQLException {
        // AUTO_SERVER: the test and the server open the same file, whichever comes first serving the other.
        h2Url = "jdbc:h2:file:" + directory.resolve("hr") + ";AUTO_SERVER=TRUE";
        try (Connection connection = DriverManager.getConnection(h2Url, "sa", ""); Statement statement = connection.createStatement()) {
            for (String sql : documentedSql()) {
                statement.execute(sql);
            }
        }
    }

    private void h2Staff(String idNo, String dutyCode) throws SQLException {
        h2Execute("INSERT INTO hr.staff (staff_no, id_no, surname, given_name, born_on, office_mail, org_code, duty_code, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ++staffNo, idNo, "周", "無紀錄", LocalDate.of(1985, 3, 14), null, FIRST_BRANCH,
                dutyCode, OffsetDateTime.now().minusDays(1));
    }

    private void h2Execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(h2Url, "sa", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** The sample schema and view of docs/personnel-database.md, the blocks marked {@code sql}. */
    private static List<String> documentedSql() throws IOException {
        Path doc = Path.of("").toAbsolutePath().getParent().resolve("docs/personnel-database.md");
        Matcher block = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(doc));
        List<String> statements = new ArrayList<>();
        while (block.find()) {
            String text = block.group(1).lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
            for (String statement : text.split(";")) {
                if (!statement.isBlank()) {
                    statements.add(statement.strip());
                }
            }
        }
        return statements;
    }
}

package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

import tw.ecpa.keycloak.core.NationalIdMask;
import tw.ecpa.keycloak.personneldb.PersonnelDatabaseStorageProviderFactory;

/**
 * {@code linkExistingUsers} on the real server: a user the realm had before the personnel database (made here
 * through the admin API, as a realm import makes one: no federation link, a custom account, a password) is
 * linked by the full sync, takes the database's facts, keeps its account and password and still logs in with
 * 帳號登入. Only people made for this test are in the database file; the provider's users are unlinked before it
 * is removed (removing an import-mode provider deletes its users), and the people are deleted after.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class PersonnelDatabaseLinkIT extends EcpaIntegrationTest {

    private static final String PASSWORD = "Link-it-7q";
    /** A demo agency of the realm (keycloak-dev demo/personnel.json) other than the test people's X10000000A. */
    private static final String FIRST_BRANCH = "X10010000A";

    @InjectWebDriver
    ManagedWebDriver browser;

    private TestPeople people;
    private Path directory;
    private String url;
    private String componentId;

    @BeforeEach
    void personnelDatabase() throws IOException, SQLException {
        people = new TestPeople(realm.admin());
        directory = Files.createTempDirectory("ecpa-personnel-link-it");
        url = "jdbc:h2:file:" + directory.resolve("hr") + ";AUTO_SERVER=TRUE";
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : documentedSql()) {
                statement.execute(sql);
            }
        }
    }

    @AfterEach
    void unlinkAndRemove() throws IOException {
        if (componentId != null) {
            realm.admin().userStorage().unlink(componentId);
            realm.admin().components().component(componentId).remove();
        }
        people.close();
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aRealmUserIsLinkedTakesTheDatabasesFactsAndStillLogsInWithItsAccountAndPassword() throws SQLException {
        String account = TestPeople.freshAccount("it.link.");
        TestPeople.Person person = people.withAccount(account);
        person.givePassword(PASSWORD);
        staff(1, person.nationalId(), "林", "建宏", "lin@example.gov.tw", FIRST_BRANCH);
        componentId = createProvider(true);

        SynchronizationResultRepresentation result;
        List<String> report;
        try (ServerLog log = new ServerLog()) {
            result = realm.admin().userStorage().syncUsers(componentId, "triggerFullSync");
            report = log.lines();
        }

        assertThat(result.getAdded()).as("%s", result.getStatus()).isZero();
        assertThat(result.getUpdated()).isEqualTo(1);
        assertThat(result.getFailed()).isZero();
        assertThat(report).anyMatch(line -> line.contains("row " + NationalIdMask.mask(person.nationalId()) + " linked"));
        assertThat(report).noneMatch(line -> line.contains(person.nationalId()));
        UserRepresentation linked = person.admin().toRepresentation();
        assertThat(linked.getFederationLink()).isEqualTo(componentId);
        assertThat(linked.getUsername()).isEqualTo(account);
        assertThat(linked.getLastName()).isEqualTo("林");
        assertThat(linked.getFirstName()).isEqualTo("建宏");
        assertThat(linked.getEmail()).as("the person's address stays").isEqualTo(account + "@it.ecpa.test");
        assertThat(linked.getAttributes().get("agencyCode")).containsExactly(FIRST_BRANCH);
        assertThat(linked.getAttributes().get("birthDate")).containsExactly("1985-03-14");
        assertThat(person.admin().groups().stream().map(GroupRepresentation::getPath).toList())
                .containsExactly("/agencies/示範部/示範部第一署");

        UserRepresentation renamed = person.admin().toRepresentation();
        renamed.setLastName("改姓");
        assertThat(catchThrowableOfType(BadRequestException.class, () -> person.admin().update(renamed)))
                .as("the linked user's name is the database's now").isNotNull();

        SynchronizationResultRepresentation again = realm.admin().userStorage().syncUsers(componentId, "triggerFullSync");
        assertThat(again.getUpdated()).isZero();
        assertThat(again.getFailed()).isZero();

        EcpaPages pages = new EcpaPages(browser.driver(), realm.getBaseUrl());
        pages.forgetSession();
        pages.openAccountConsole();
        pages.logIn(account, PASSWORD);
        pages.waitForAccountConsole();

        // 個人資料修改 writes what is the person's (account, e-mail, phone) beside the database's read-only facts.
        UserRepresentation asked = person.admin().toRepresentation();
        asked.setRequiredActions(List.of("ecpa-personal-data"));
        person.admin().update(asked);
        String renamedAccount = TestPeople.freshAccount("it.linked.");
        pages.forgetSession();
        pages.openAccountConsole();
        pages.logIn(account, PASSWORD);
        pages.fillPersonalData(renamedAccount, account + "@it.ecpa.test", "0223456789", "no");
        pages.waitForAccountConsole();
        UserRepresentation afterwards = person.admin().toRepresentation();
        assertThat(afterwards.getUsername()).isEqualTo(renamedAccount);
        assertThat(afterwards.getAttributes().get("phoneNumber")).containsExactly("0223456789");
        assertThat(afterwards.getLastName()).isEqualTo("林");
        assertThat(afterwards.getFederationLink()).isEqualTo(componentId);
    }

    @Test
    void withLinkingOffTheRealmUserIsLeftAloneAndReported() throws SQLException {
        TestPeople.Person person = people.withAccount(TestPeople.freshAccount("it.link."));
        staff(1, person.nationalId(), "林", "建宏", null, FIRST_BRANCH);
        componentId = createProvider(false);

        SynchronizationResultRepresentation result;
        List<String> report;
        try (ServerLog log = new ServerLog()) {
            result = realm.admin().userStorage().syncUsers(componentId, "triggerFullSync");
            report = log.lines();
        }

        assertThat(result.getUpdated()).isZero();
        assertThat(result.getFailed()).isEqualTo(1);
        assertThat(report).anyMatch(line -> line.contains("row " + NationalIdMask.mask(person.nationalId())
                + " skipped: a Keycloak user with this national ID exists but was not imported from this database"));
        UserRepresentation untouched = person.admin().toRepresentation();
        assertThat(untouched.getFederationLink()).isNull();
        assertThat(untouched.getLastName()).isEqualTo("整合");
    }

    private String createProvider(boolean linkExistingUsers) {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName("公務人力資料庫 (link IT)");
        component.setProviderId(PersonnelDatabaseStorageProviderFactory.PROVIDER_ID);
        component.setProviderType(UserStorageProvider.class.getName());
        component.setParentId(realm.admin().toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("jdbcUrl", url);
        config.putSingle("user", "sa");
        config.putSingle("table", "ecpa.personnel");
        config.putSingle("linkExistingUsers", String.valueOf(linkExistingUsers));
        config.putSingle("enabled", "true");
        config.putSingle("importEnabled", "true");
        component.setConfig(config);
        try (Response response = realm.admin().components().add(component)) {
            assertThat(response.getStatus()).as("creating the provider").isEqualTo(201);
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    private void staff(int no, String idNo, String surname, String givenName, String mail, String orgCode) throws SQLException {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hr.staff (staff_no, id_no, surname, given_name, born_on, office_mail, org_code, duty_code, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, '1', ?)")) {
            insert.setInt(1, no);
            insert.setString(2, idNo);
            insert.setString(3, surname);
            insert.setString(4, givenName);
            insert.setObject(5, LocalDate.of(1985, 3, 14));
            insert.setString(6, mail);
            insert.setString(7, orgCode);
            insert.setObject(8, OffsetDateTime.now().minusDays(1));
            insert.executeUpdate();
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

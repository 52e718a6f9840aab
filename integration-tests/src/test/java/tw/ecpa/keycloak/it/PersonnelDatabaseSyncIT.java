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
import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.personneldb.PersonnelDatabaseStorageProviderFactory;

/**
 * The personnel database as User federation on the real server: an operator's H2 database file with the
 * documented view, an {@code ecpa-personnel-db} component made through the admin API, the full sync and the
 * changed sync the admin console's buttons run, what the realm then holds and what the server log reports.
 * The component is removed afterwards, and with it the users it imported, so the other tests see the realm
 * as it was.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class PersonnelDatabaseSyncIT extends EcpaIntegrationTest {

    private static final String SERVING_ID = RunSecrets.nationalId("C100000003");
    private static final String DEPARTED_ID = RunSecrets.nationalId("D200000015");
    private static final String UNKNOWN_AGENCY_ID = RunSecrets.nationalId("G100000043");
    private static final String BAD_CHECKSUM_ID = RunSecrets.nationalId("A123456788");
    private static final String JOINS_LATER_ID = RunSecrets.nationalId("H200000055");
    /** Demo agencies of the realm (keycloak-dev demo/personnel.json). */
    private static final String FIRST_BRANCH = "X10010000A";
    private static final String SECOND_BRANCH = "X10020000A";

    private Path directory;
    private String url;
    private String componentId;

    @BeforeEach
    void personnelDatabase() throws IOException, SQLException {
        directory = Files.createTempDirectory("ecpa-personnel-db-it");
        // AUTO_SERVER: the test and the server open the same file, whichever comes first serving the other.
        url = "jdbc:h2:file:" + directory.resolve("hr") + ";AUTO_SERVER=TRUE";
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : documentedSql()) {
                statement.execute(sql);
            }
        }
        OffsetDateTime yesterday = OffsetDateTime.now().minusDays(1);
        staff(1, SERVING_ID, "周", "子瑜", "zhou@example.gov.tw", FIRST_BRANCH, "1", yesterday);
        staff(2, DEPARTED_ID, "Lee", "Anna", null, SECOND_BRANCH, "2", yesterday);
        staff(3, UNKNOWN_AGENCY_ID, "孫", "立人", null, "X99999999Z", "1", yesterday);
        staff(4, BAD_CHECKSUM_ID, "錢", "一", null, FIRST_BRANCH, "1", yesterday);
    }

    @AfterEach
    void removeTheProvider() throws IOException {
        if (componentId != null) {
            realm.admin().components().component(componentId).remove();
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aFullSyncImportsThePersonnelAndAChangedSyncBringsAnAgencyMoveAndANewcomer() throws SQLException {
        componentId = createProvider();

        SynchronizationResultRepresentation full;
        List<String> report;
        try (ServerLog log = new ServerLog()) {
            full = realm.admin().userStorage().syncUsers(componentId, "triggerFullSync");
            report = log.lines();
        }

        assertThat(full.getAdded()).as("%s", full.getStatus()).isEqualTo(2);
        assertThat(full.getFailed()).isEqualTo(2);
        assertThat(report).anyMatch(line -> line.contains("row G1*****043 skipped: unknown agency code ('X99999999Z')"));
        assertThat(report).anyMatch(line -> line.contains("row A1*****788 skipped: invalid national ID (WRONG_CHECKSUM)"));
        assertThat(report).anyMatch(line -> line.contains("full sync finished: 2 added, 0 updated, 0 unchanged, 2 skipped"));
        assertThat(report).noneMatch(line -> line.contains(UNKNOWN_AGENCY_ID) || line.contains(BAD_CHECKSUM_ID));

        UserRepresentation serving = userByNationalId(SERVING_ID).toRepresentation();
        assertThat(serving.getFederationLink()).isEqualTo(componentId);
        assertThat(serving.getUsername()).matches("ecpa-[a-z2-9]{16}");
        assertThat(serving.isEnabled()).isTrue();
        assertThat(serving.getLastName()).isEqualTo("周");
        assertThat(serving.getFirstName()).isEqualTo("子瑜");
        assertThat(serving.getEmail()).isEqualTo("zhou@example.gov.tw");
        assertThat(serving.getAttributes().get("agencyCode")).containsExactly(FIRST_BRANCH);
        assertThat(serving.getAttributes().get("employmentStatus")).containsExactly("serving");
        assertThat(groupPaths(serving)).containsExactly("/agencies/示範部/示範部第一署");
        UserRepresentation departed = userByNationalId(DEPARTED_ID).toRepresentation();
        assertThat(departed.getAttributes().get("employmentStatus")).containsExactly("departed");
        assertThat(realm.admin().users().searchByAttributes("nationalId:" + UNKNOWN_AGENCY_ID, true)).isEmpty();

        OffsetDateTime later = OffsetDateTime.now().plusMinutes(1);
        execute("UPDATE hr.staff SET org_code = ?, updated_at = ? WHERE id_no = ?", SECOND_BRANCH, later, SERVING_ID);
        staff(5, JOINS_LATER_ID, "吳", "怡君", null, FIRST_BRANCH, "1", later);

        SynchronizationResultRepresentation changed = realm.admin().userStorage().syncUsers(componentId, "triggerChangedUsersSync");

        assertThat(changed.getAdded()).as("%s", changed.getStatus()).isEqualTo(1);
        assertThat(changed.getUpdated()).isEqualTo(1);
        assertThat(changed.getFailed()).as("the unchanged bad rows are not read again").isZero();
        UserRepresentation moved = userByNationalId(SERVING_ID).toRepresentation();
        assertThat(moved.getAttributes().get("agencyCode")).containsExactly(SECOND_BRANCH);
        assertThat(groupPaths(moved)).containsExactly("/agencies/示範部/示範部第二署");
        assertThat(userByNationalId(JOINS_LATER_ID).toRepresentation().getFederationLink()).isEqualTo(componentId);
    }

    @Test
    void whatTheDatabaseOwnsIsReadOnlyInTheAdminApiAndTheEmailStaysThePersons() {
        componentId = createProvider();
        realm.admin().userStorage().syncUsers(componentId, "triggerFullSync");
        UserResource person = userByNationalId(SERVING_ID);
        UserRepresentation renamed = person.toRepresentation();
        renamed.setLastName("改姓");
        renamed.getAttributes().put("agencyCode", List.of(SECOND_BRANCH));

        BadRequestException refused = catchThrowableOfType(BadRequestException.class, () -> person.update(renamed));

        assertThat(refused).as("changing a database-owned attribute").isNotNull();
        assertThat(refused.getResponse().readEntity(String.class).replace("-", "").toLowerCase()).contains("readonly");
        UserRepresentation unchanged = person.toRepresentation();
        assertThat(unchanged.getLastName()).isEqualTo("周");
        assertThat(unchanged.getAttributes().get("agencyCode")).containsExactly(FIRST_BRANCH);

        unchanged.setEmail("zhou.new@example.gov.tw");
        person.update(unchanged);
        assertThat(person.toRepresentation().getEmail()).isEqualTo("zhou.new@example.gov.tw");
    }

    @Test
    void removingTheProviderRemovesWhatItImported() {
        componentId = createProvider();
        realm.admin().userStorage().syncUsers(componentId, "triggerFullSync");
        assertThat(realm.admin().users().searchByAttributes("nationalId:" + SERVING_ID, true)).hasSize(1);

        realm.admin().components().component(componentId).remove();
        componentId = null;

        assertThat(realm.admin().users().searchByAttributes("nationalId:" + SERVING_ID, true)).isEmpty();
    }

    @Test
    void settingsThatWouldRunCodeInTheServerAreRefused() {
        ComponentRepresentation component = component(url + ";INIT=RUNSCRIPT FROM 'http://127.0.0.1:1/x.sql'");
        try (Response response = realm.admin().components().add(component)) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class)).contains("JDBC URL 不可含參數 INIT").contains("may not carry the parameter INIT");
        }
        assertThat(realm.admin().components().query(realm.admin().toRepresentation().getId(), UserStorageProvider.class.getName()))
                .noneMatch(c -> PersonnelDatabaseStorageProviderFactory.PROVIDER_ID.equals(c.getProviderId()));
    }

    private String createProvider() {
        try (Response response = realm.admin().components().add(component(url))) {
            assertThat(response.getStatus()).as("creating the provider").isEqualTo(201);
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private ComponentRepresentation component(String jdbcUrl) {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName("公務人力資料庫");
        component.setProviderId(PersonnelDatabaseStorageProviderFactory.PROVIDER_ID);
        component.setProviderType(UserStorageProvider.class.getName());
        component.setParentId(realm.admin().toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("jdbcUrl", jdbcUrl);
        config.putSingle("user", "sa");
        config.putSingle("table", "ecpa.personnel");
        config.putSingle("batchSize", "2");
        config.putSingle("enabled", "true");
        config.putSingle("importEnabled", "true");
        component.setConfig(config);
        return component;
    }

    private List<String> groupPaths(UserRepresentation user) {
        return realm.admin().users().get(user.getId()).groups().stream().map(GroupRepresentation::getPath).toList();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    private void staff(int no, String idNo, String surname, String givenName, String mail, String orgCode, String dutyCode,
                       OffsetDateTime updatedAt) throws SQLException {
        execute("INSERT INTO hr.staff (staff_no, id_no, surname, given_name, born_on, office_mail, org_code, duty_code, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", no, idNo, surname, givenName, LocalDate.of(1985, 3, 14), mail, orgCode,
                dutyCode, updatedAt);
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** The sample schema and view of docs/personnel-database.md, the blocks marked {@code sql}. */
    private static List<String> documentedSql() throws IOException {
        Path doc = Path.of("").toAbsolutePath().getParent().resolve("docs/personnel-database.md");
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```sql\\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(Files.readString(doc));
        List<String> statements = new java.util.ArrayList<>();
        while (block.find()) {
            String text = block.group(1).lines().filter(line -> !line.strip().startsWith("--"))
                    .collect(java.util.stream.Collectors.joining("\n"));
            for (String statement : text.split(";")) {
                if (!statement.isBlank()) {
                    statements.add(statement.strip());
                }
            }
        }
        return statements;
    }
}

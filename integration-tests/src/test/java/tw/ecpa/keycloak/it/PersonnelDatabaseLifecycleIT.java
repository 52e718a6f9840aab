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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.core.NationalIdMask;
import tw.ecpa.keycloak.personneldb.PersonnelDatabaseStorageProviderFactory;

/**
 * What a sync of the personnel database ends or undoes on the real server, beyond the record's attributes:
 * someone removed from the database is disabled at the full sync, kept with their credentials, signed out and
 * refused at 帳號登入, and enabled again when they are back; a departure (卸職) ends the person's open session; an
 * agency move changes the group, removes the officer grants a chief gave, and ends an officer's session. People
 * with fresh national IDs in an operator's H2 file; the component is removed afterwards, and with it the users it
 * imported, so that the other tests see the realm as it was.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class PersonnelDatabaseLifecycleIT extends EcpaIntegrationTest {

    private static final String REDIRECT_URI = "http://127.0.0.1:9/callback";
    /** Demo agencies of the realm (keycloak-dev demo/personnel.json). */
    private static final String MINISTRY = PersonnelResetIT.MINISTRY;
    private static final String FIRST_BRANCH = PersonnelResetIT.FIRST_ADMINISTRATION;
    private static final String SECOND_BRANCH = PersonnelResetIT.SECOND_ADMINISTRATION;

    private Path directory;
    private String url;
    private String componentId;
    private int staffNo;
    private TestApp app;
    private ResetTargets targets;
    private PersonnelApiClient api;

    @BeforeEach
    void personnelDatabase() throws IOException, SQLException {
        directory = Files.createTempDirectory("ecpa-personnel-lifecycle-it");
        // AUTO_SERVER: the test and the server open the same file, whichever comes first serving the other.
        url = "jdbc:h2:file:" + directory.resolve("hr") + ";AUTO_SERVER=TRUE";
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : documentedSql()) {
                statement.execute(sql);
            }
        }
        app = TestApp.register(realm.admin(), "it-lifecycle-", REDIRECT_URI);
        targets = new ResetTargets(realm.admin());
        api = new PersonnelApiClient(realm.getBaseUrl(), realm.admin());
    }

    @AfterEach
    void removeTheProvider() throws IOException {
        if (componentId != null) {
            realm.admin().components().component(componentId).remove();
        }
        api.close();
        targets.close();
        app.close();
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void someoneRemovedFromTheDatabaseIsDisabledNotDeletedAndEnabledAgainWhenBack() throws SQLException {
        String leaverId = TestPeople.newNationalId();
        String stayerId = TestPeople.newNationalId();
        staff(leaverId, "離", "開", FIRST_BRANCH, "1", yesterday());
        staff(stayerId, "留", "下", FIRST_BRANCH, "1", yesterday());
        componentId = createProvider();
        realm.admin().userStorage().syncUsers(componentId, "triggerFullSync");
        Account leaver = account(leaverId);
        signedIn(leaver);
        assertThat(userByNationalId(leaverId).getUserSessions()).as("signed in").isNotEmpty();

        execute("DELETE FROM hr.staff WHERE id_no = ?", leaverId);
        SynchronizationResultRepresentation full;
        List<String> report;
        try (ServerLog log = new ServerLog()) {
            full = realm.admin().userStorage().syncUsers(componentId, "triggerFullSync");
            report = log.lines();
        }

        assertThat(full.getRemoved()).as("%s", full.getStatus()).isEqualTo(1);
        UserResource removed = userByNationalId(leaverId);
        UserRepresentation record = removed.toRepresentation();
        assertThat(record.isEnabled()).isFalse();
        assertThat(record.getFederationLink()).as("still the provider's").isEqualTo(componentId);
        assertThat(record.getUsername()).isEqualTo(leaver.username());
        assertThat(removed.credentials()).extracting(CredentialRepresentation::getType)
                .as("credentials stay for audit").contains(CredentialRepresentation.PASSWORD);
        assertThat(removed.getUserSessions()).as("signed out").isEmpty();
        assertThat(userByNationalId(stayerId).toRepresentation().isEnabled()).isTrue();
        assertThat(report).anyMatch(line -> line.contains("person " + NationalIdMask.mask(leaverId) + " disabled: no longer in the personnel database"));
        assertThat(report).anyMatch(line -> line.contains("full sync finished") && line.contains("1 disabled"));
        assertThat(report).noneMatch(line -> line.contains(leaverId));

        CardLoginClient.Page refused = logIn(leaver);
        assertThat(refused.redirectedToApplication()).isFalse();
        assertThat(AccountLoginSecurityIT.RefusalPage.errorUnderAccount(refused))
                .isEqualTo(EcpaPages.messageIn("zh-Hant", "accountDisabledMessage"));

        staff(leaverId, "離", "開", FIRST_BRANCH, "1", OffsetDateTime.now().plusMinutes(1));
        SynchronizationResultRepresentation changed = realm.admin().userStorage().syncUsers(componentId, "triggerChangedUsersSync");

        assertThat(changed.getUpdated()).as("%s", changed.getStatus()).isEqualTo(1);
        assertThat(userByNationalId(leaverId).toRepresentation().isEnabled()).isTrue();
        assertThat(logIn(leaver).redirectedToApplication()).as("back in the database, back in").isTrue();
    }

    @Test
    void anAdministratorsOwnDisablingIsKeptWhenThePersonIsInTheDatabase() throws SQLException {
        String personId = TestPeople.newNationalId();
        staff(personId, "停", "用", FIRST_BRANCH, "1", yesterday());
        componentId = createProvider();
        realm.admin().userStorage().syncUsers(componentId, "triggerFullSync");
        UserResource person = userByNationalId(personId);
        UserRepresentation disabled = person.toRepresentation();
        disabled.setEnabled(false);
        person.update(disabled);

        SynchronizationResultRepresentation full = realm.admin().userStorage().syncUsers(componentId, "triggerFullSync");

        assertThat(full.getRemoved()).isZero();
        assertThat(person.toRepresentation().isEnabled()).isFalse();
    }

    @Test
    void aDepartureAtASyncEndsTheOpenSession() throws SQLException {
        String personId = TestPeople.newNationalId();
        staff(personId, "卸", "職", FIRST_BRANCH, "1", yesterday());
        componentId = createProvider();
        realm.admin().userStorage().syncUsers(componentId, "triggerFullSync");
        Account person = account(personId);
        signedIn(person);
        assertThat(userByNationalId(personId).getUserSessions()).as("signed in").isNotEmpty();

        execute("UPDATE hr.staff SET duty_code = '2', updated_at = ? WHERE id_no = ?", OffsetDateTime.now().plusMinutes(1), personId);
        List<String> report;
        try (ServerLog log = new ServerLog()) {
            realm.admin().userStorage().syncUsers(componentId, "triggerChangedUsersSync");
            report = log.lines();
        }

        UserResource departed = userByNationalId(personId);
        assertThat(departed.toRepresentation().getAttributes().get("employmentStatus")).containsExactly("departed");
        assertThat(departed.getUserSessions()).as("the session ended at the sync").isEmpty();
        assertThat(report).anyMatch(line -> line.contains("person " + NationalIdMask.mask(personId) + " departed (卸職): sessions ended"));
        CardLoginClient.Page refused = logIn(person);
        assertThat(AccountLoginSecurityIT.RefusalPage.errorUnderAccount(refused)).isEqualTo(EcpaPages.messageIn("zh-Hant", "ecpa.login.departed"));
    }

    @Test
    void anAgencyMoveChangesTheGroupRemovesTheOfficerGrantsAndEndsTheOfficersSession() throws SQLException {
        String officerId = TestPeople.newNationalId();
        String staffId = TestPeople.newNationalId();
        staff(officerId, "人", "事", MINISTRY, "1", yesterday());
        staff(staffId, "同", "仁", MINISTRY, "1", yesterday());
        componentId = createProvider();
        realm.admin().userStorage().syncUsers(componentId, "triggerFullSync");
        UserResource officer = userByNationalId(officerId);
        officer.roles().realmLevel().add(List.of(realm.admin().roles().get("personnel-officer").toRepresentation()));
        Account officerAccount = account(officerId);
        ResetTargets.Target chief = targets.withRole(MINISTRY, "personnel-chief");
        String chiefToken = api.requireLogin(chief.account(), chief.givePassword());
        assertThat(api.grant(chiefToken, officer.toRepresentation().getId(), true, List.of(FIRST_BRANCH)).status())
                .as("the chief grants the reset right and 兼辦 of the first branch").isEqualTo(200);
        assertThat(officer.toRepresentation().getAttributes()).containsKeys("ecpaResetGranted", "ecpaConcurrentAgencies");
        api.requireLogin(officerAccount.username(), officerAccount.password());
        Account staffAccount = account(staffId);
        signedIn(staffAccount);
        assertThat(officer.getUserSessions()).as("the officer is signed in").isNotEmpty();

        execute("UPDATE hr.staff SET org_code = ?, updated_at = ? WHERE id_no IN (?, ?)", SECOND_BRANCH,
                OffsetDateTime.now().plusMinutes(1), officerId, staffId);
        SynchronizationResultRepresentation changed = realm.admin().userStorage().syncUsers(componentId, "triggerChangedUsersSync");

        assertThat(changed.getUpdated()).as("%s", changed.getStatus()).isEqualTo(2);
        UserRepresentation moved = officer.toRepresentation();
        assertThat(moved.getAttributes().get("agencyCode")).containsExactly(SECOND_BRANCH);
        assertThat(groupPaths(officer)).containsExactly("/agencies/示範部/示範部第二署");
        assertThat(moved.getAttributes()).doesNotContainKeys("ecpaResetGranted", "ecpaConcurrentAgencies", "ecpaGrantedForAgency",
                "ecpaGrantedBy");
        assertThat(officer.getUserSessions()).as("the officer's session ended with the move").isEmpty();
        UserResource colleague = userByNationalId(staffId);
        assertThat(groupPaths(colleague)).containsExactly("/agencies/示範部/示範部第二署");
        assertThat(colleague.getUserSessions()).as("someone without a personnel-office role stays signed in").isNotEmpty();
    }

    /** An imported person given a custom account and a password by an administrator, as 帳號登入 needs. */
    private record Account(String username, String password) {
    }

    private Account account(String nationalId) {
        UserResource user = userByNationalId(nationalId);
        UserRepresentation rep = user.toRepresentation();
        String username = TestPeople.freshAccount("it.lifecycle.");
        rep.setUsername(username);
        // The realm lets only the first-login setup choose a custom account (editUsernameAllowed is off, which
        // makes the username read-only in the admin API too): lifted for this one change, as the setup would make it.
        editUsernameAllowed(true);
        try {
            user.update(rep);
        } finally {
            editUsernameAllowed(false);
        }
        String password = "It-" + TestPeople.freshAccount("") + "!7a";
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(RunSecrets.password(password));
        credential.setTemporary(false);
        user.resetPassword(credential);
        return new Account(username, password);
    }

    private void editUsernameAllowed(boolean allowed) {
        RealmRepresentation update = new RealmRepresentation();
        update.setEditUsernameAllowed(allowed);
        realm.admin().update(update);
    }

    /** 帳號登入 in a fresh browser: the page that answers. */
    private CardLoginClient.Page logIn(Account account) {
        CardLoginClient browser = new CardLoginClient();
        browser.open(AuthorizationRequest.url(realm.getBaseUrl(), app.clientId(), REDIRECT_URI));
        return browser.logInWithPassword(account.username(), account.password());
    }

    private CardLoginClient signedIn(Account account) {
        CardLoginClient browser = new CardLoginClient();
        browser.open(AuthorizationRequest.url(realm.getBaseUrl(), app.clientId(), REDIRECT_URI));
        CardLoginClient.Page page = browser.logInWithPassword(account.username(), account.password());
        assertThat(page.redirectedToApplication()).as("signed in with the password: " + page.body()).isTrue();
        return browser;
    }

    private static OffsetDateTime yesterday() {
        return OffsetDateTime.now().minusDays(1);
    }

    private String createProvider() {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName("公務人力資料庫");
        component.setProviderId(PersonnelDatabaseStorageProviderFactory.PROVIDER_ID);
        component.setProviderType(UserStorageProvider.class.getName());
        component.setParentId(realm.admin().toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("jdbcUrl", url);
        config.putSingle("user", "sa");
        config.putSingle("table", "ecpa.personnel");
        config.putSingle("batchSize", "2");
        config.putSingle("enabled", "true");
        config.putSingle("importEnabled", "true");
        component.setConfig(config);
        try (Response response = realm.admin().components().add(component)) {
            assertThat(response.getStatus()).as("creating the provider").isEqualTo(201);
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private List<String> groupPaths(UserResource user) {
        return user.groups().stream().map(GroupRepresentation::getPath).toList();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    private void staff(String idNo, String surname, String givenName, String orgCode, String dutyCode, OffsetDateTime updatedAt)
            throws SQLException {
        execute("INSERT INTO hr.staff (staff_no, id_no, surname, given_name, born_on, office_mail, org_code, duty_code, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ++staffNo, idNo, surname, givenName, LocalDate.of(1985, 3, 14),
                "lifecycle" + staffNo + "@it.ecpa.test", orgCode, dutyCode, updatedAt);
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

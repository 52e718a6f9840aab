package tw.ecpa.keycloak.personneldb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.user.SynchronizationResult;

import tw.ecpa.keycloak.model.PersonnelAttributes;
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * The setting {@code linkExistingUsers}: the operator's way from a realm import to the database. A user of the
 * realm's own with the person's national ID is linked to the provider and brought up to date, keeping what is
 * Keycloak's; another provider's user is left alone and reported; with the setting off (the default) nobody
 * is linked.
 */
class LinkingExistingUsersTest {

    private static final String PROVIDER = "component-personnel-db";
    private static final OffsetDateTime MONDAY = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final Clock TAIPEI_DEC_8 = Clock.fixed(Instant.parse("2026-12-08T02:00:00Z"), PersonnelDatabaseStorageProviderFactory.TAIWAN);

    private SampleDatabase database;
    private final PersonnelRealm realm = new PersonnelRealm();

    @BeforeEach
    void database() throws SQLException {
        database = new SampleDatabase();
        database.staff("A123456789", "林", "建宏", LocalDate.of(1980, 5, 17), "lin@example.gov.tw", PersonnelRealm.BRANCH, "1", MONDAY);
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    private SynchronizationResult fullSync(boolean linkExistingUsers, SyncReport report) {
        PersonnelDatabaseSettings settings = new PersonnelDatabaseSettings(database.url, "sa", "", "ecpa.personnel", 500,
                linkExistingUsers);
        return new PersonnelSync(realm.transactions(configured -> ""), PROVIDER, settings, TAIPEI_DEC_8, new Random(18)).full(report);
    }

    /** As the realm import makes a person: a custom account, an address they chose, an older record, the ministry's group. */
    private UserModel realmImportUser() {
        UserModel user = realm.existing("A123456789", null);
        user.setUsername("lin.jianhong");
        user.setEmail("jianhong@mail.example.tw");
        user.setLastName("舊姓");
        user.setFirstName("建宏");
        user.setSingleAttribute(PersonnelAttributes.EMPLOYMENT_STATUS, PersonnelAttributes.SERVING);
        user.setSingleAttribute(PersonnelAttributes.AGENCY_CODE, PersonnelRealm.MINISTRY);
        user.joinGroup(realm.agency(PersonnelRealm.MINISTRY).orElseThrow());
        return user;
    }

    private static String groups(UserModel user) {
        return user.getGroupsStream().map(GroupModel::getName).sorted().collect(Collectors.joining(","));
    }

    @Test
    void aRealmImportUserIsLinkedAndBroughtUpToDateKeepingTheAccountAndTheAddress() {
        UserModel imported = realmImportUser();
        SyncReport report = new SyncReport("hr");

        SynchronizationResult result = fullSync(true, report);

        assertThat(result.getAdded()).isZero();
        assertThat(result.getUpdated()).isEqualTo(1);
        assertThat(result.getFailed()).isZero();
        assertThat(report.lines()).isEmpty();
        assertThat(realm.stored).containsExactly(imported);
        assertThat(imported.getFederationLink()).isEqualTo(PROVIDER);
        assertThat(imported.getLastName()).isEqualTo("林");
        assertThat(PersonnelRecord.of(imported).agencyCode()).contains(PersonnelRealm.BRANCH);
        assertThat(PersonnelRecord.of(imported).birthDate()).contains(LocalDate.of(1980, 5, 17));
        assertThat(groups(imported)).isEqualTo("示範部第一署");
        assertThat(imported.getUsername()).isEqualTo("lin.jianhong");
        assertThat(imported.getEmail()).isEqualTo("jianhong@mail.example.tw");
        assertThat(realm.evicted).containsExactly(imported);
    }

    @Test
    void onceLinkedTheUserIsThisDatabasesAndTheNextSyncFindsNothingToChange() {
        realmImportUser();
        fullSync(true, new SyncReport("hr"));
        SyncReport again = new SyncReport("hr");

        SynchronizationResult result = fullSync(false, again);

        assertThat(result.getUpdated()).isZero();
        assertThat(result.getFailed()).isZero();
        assertThat(again.unchangedCount()).isEqualTo(1);
    }

    @Test
    void aLinkedUserWithoutAnAddressGetsTheDatabasesFirstOne() {
        UserModel imported = realmImportUser();
        imported.setEmail(null);

        fullSync(true, new SyncReport("hr"));

        assertThat(imported.getEmail()).isEqualTo("lin@example.gov.tw");
    }

    @Test
    void anotherProvidersUserIsLeftAloneAndReportedEvenWithLinkingOn() {
        UserModel ldapUser = realm.existing("A123456789", "component-ldap");
        ldapUser.setLastName("舊姓");
        SyncReport report = new SyncReport("hr");

        SynchronizationResult result = fullSync(true, report);

        assertThat(result.getUpdated()).isZero();
        assertThat(result.getFailed()).isEqualTo(1);
        assertThat(report.lines()).containsExactly(
                "personnel database hr: row A1*****789 skipped: a Keycloak user with this national ID belongs to another user federation provider");
        assertThat(ldapUser.getFederationLink()).isEqualTo("component-ldap");
        assertThat(ldapUser.getLastName()).isEqualTo("舊姓");
        assertThat(realm.evicted).isEmpty();
    }

    @Test
    void withLinkingOffARealmImportUserIsLeftAloneAndReported() {
        UserModel imported = realmImportUser();
        SyncReport report = new SyncReport("hr");

        SynchronizationResult result = fullSync(false, report);

        assertThat(result.getFailed()).isEqualTo(1);
        assertThat(report.lines()).containsExactly(
                "personnel database hr: row A1*****789 skipped: a Keycloak user with this national ID exists but was not imported from this database");
        assertThat(imported.getFederationLink()).isNull();
        assertThat(imported.getLastName()).isEqualTo("舊姓");
    }

    @Test
    void linkingIsOffUnlessTheComponentSaysTrue() {
        ComponentModel model = new ComponentModel();
        model.put(PersonnelDatabaseSettings.JDBC_URL, database.url);
        model.put(PersonnelDatabaseSettings.TABLE, "ecpa.personnel");
        assertThat(PersonnelDatabaseSettings.of(model).linkExistingUsers()).isFalse();

        model.put(PersonnelDatabaseSettings.LINK_EXISTING_USERS, "true");
        assertThat(PersonnelDatabaseSettings.of(model).linkExistingUsers()).isTrue();
        assertThat(PersonnelDatabaseSettings.of(model).problems()).isEmpty();
        assertThat(new PersonnelDatabaseStorageProviderFactory().getConfigProperties())
                .anySatisfy(property -> {
                    assertThat(property.getName()).isEqualTo(PersonnelDatabaseSettings.LINK_EXISTING_USERS);
                    assertThat(property.getDefaultValue()).isEqualTo("false");
                });
    }
}

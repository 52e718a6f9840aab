package tw.ecpa.keycloak.personneldb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.GroupModel;
import org.keycloak.models.ModelException;
import org.keycloak.models.UserModel;
import org.keycloak.storage.user.SynchronizationResult;

import tw.ecpa.keycloak.model.PersonnelAttributes;
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * Full and changed syncs from the documented sample view on H2 into a realm: what Keycloak then holds, the
 * counts the admin console shows, and the report lines of the rows left out.
 */
class PersonnelSyncTest {

    private static final String PROVIDER = "component-personnel-db";
    private static final OffsetDateTime MONDAY = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final Clock TAIPEI_DEC_8 = Clock.fixed(Instant.parse("2026-12-08T02:00:00Z"), PersonnelDatabaseStorageProviderFactory.TAIWAN);

    private SampleDatabase database;
    private final PersonnelRealm realm = new PersonnelRealm();
    private final List<String> vaultAsked = new ArrayList<>();

    @BeforeEach
    void database() throws SQLException {
        database = new SampleDatabase();
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    private PersonnelSync sync(int batchSize) {
        return sync(database.settings(batchSize));
    }

    private PersonnelSync sync(PersonnelDatabaseSettings settings) {
        PersonnelSync.Keycloak keycloak = realm.transactions(configured -> {
            vaultAsked.add(configured);
            return ""; // H2's sa has no password
        });
        return new PersonnelSync(keycloak, PROVIDER, settings, TAIPEI_DEC_8, new Random(18));
    }

    private void twoGoodPeople() throws SQLException {
        database.staff("A123456789", "林", "建宏", LocalDate.of(1980, 5, 17), "Lin@Example.gov.tw", PersonnelRealm.MINISTRY, "1", MONDAY);
        database.staff("C100000003", "Chen", "Mary", LocalDate.of(1975, 1, 2), null, PersonnelRealm.BRANCH, "2", MONDAY);
    }

    private static String agencyCodeOfGroups(UserModel user) {
        return user.getGroupsStream().map(GroupModel::getName).sorted().collect(Collectors.joining(","));
    }

    @Test
    void aFullSyncImportsEveryGoodRowAndReportsEachBadOneByMaskedId() throws SQLException {
        twoGoodPeople();
        database.staff("A123456788", "王", "大明", LocalDate.of(1990, 1, 1), null, PersonnelRealm.MINISTRY, "1", MONDAY);
        database.staff("B223456782", "張", "一", LocalDate.of(1990, 1, 1), null, PersonnelRealm.MINISTRY, "1", MONDAY);
        database.staff("B223456782", "張", "二", LocalDate.of(1991, 1, 1), null, PersonnelRealm.MINISTRY, "1", MONDAY);
        database.staff("D200000015", "李", "", LocalDate.of(1990, 1, 1), null, PersonnelRealm.MINISTRY, "1", MONDAY);
        database.staff("E100000023", "黃", "小華", LocalDate.of(1990, 1, 1), null, PersonnelRealm.MINISTRY, "3", MONDAY);
        database.staff("F200000035", "吳", "美玲", LocalDate.of(2026, 12, 9), null, PersonnelRealm.MINISTRY, "1", MONDAY);
        database.staff("G100000043", "周", "志明", LocalDate.of(1990, 1, 1), null, "X99999999Z", "1", MONDAY);
        database.staff("H200000055", "鄭", "淑芬", null, null, PersonnelRealm.MINISTRY, "1", MONDAY);
        SyncReport report = new SyncReport("公務人力資料庫");

        SynchronizationResult result = sync(3).full(report);

        assertThat(result.getAdded()).isEqualTo(2);
        assertThat(result.getUpdated()).isZero();
        assertThat(result.getFailed()).isEqualTo(8);
        assertThat(report.lines()).containsExactly(
                "personnel database 公務人力資料庫: row A1*****788 skipped: invalid national ID (WRONG_CHECKSUM)",
                "personnel database 公務人力資料庫: row B2*****782 skipped: the national ID is in more than one row",
                "personnel database 公務人力資料庫: row B2*****782 skipped: the national ID is in more than one row",
                "personnel database 公務人力資料庫: row D2*****015 skipped: empty name (first_name)",
                "personnel database 公務人力資料庫: row E1*****023 skipped: employment status is neither serving nor departed ('')",
                "personnel database 公務人力資料庫: row F2*****035 skipped: birth date in the future",
                "personnel database 公務人力資料庫: row G1*****043 skipped: unknown agency code ('X99999999Z')",
                "personnel database 公務人力資料庫: row H2*****055 skipped: no birth date");
        assertThat(realm.stored).hasSize(2);
        assertThat(vaultAsked).containsExactly("${vault.personnel-db-password}");

        UserModel lin = realm.byNationalId("A123456789").orElseThrow();
        assertThat(lin.getFederationLink()).isEqualTo(PROVIDER);
        assertThat(lin.getUsername()).matches("ecpa-[a-z2-9]{16}");
        assertThat(lin.isEnabled()).isTrue();
        assertThat(lin.getLastName()).isEqualTo("林");
        assertThat(lin.getFirstName()).isEqualTo("建宏");
        assertThat(lin.getEmail()).isEqualTo("lin@example.gov.tw");
        assertThat(lin.isEmailVerified()).isFalse();
        assertThat(PersonnelRecord.of(lin).birthDate()).contains(LocalDate.of(1980, 5, 17));
        assertThat(PersonnelRecord.of(lin).agencyCode()).contains(PersonnelRealm.MINISTRY);
        assertThat(PersonnelRecord.of(lin).departed()).isFalse();
        assertThat(agencyCodeOfGroups(lin)).isEqualTo("示範部");

        UserModel chen = realm.byNationalId("C100000003").orElseThrow();
        assertThat(PersonnelRecord.of(chen).employmentStatus()).isEqualTo(PersonnelAttributes.DEPARTED);
        assertThat(chen.getEmail()).isNull();
        assertThat(agencyCodeOfGroups(chen)).isEqualTo("示範部第一署");
        assertThat(chen.getUsername()).isNotEqualTo(lin.getUsername());
    }

    @Test
    void rowsAreImportedOneBatchPerTransaction() throws SQLException {
        for (String id : List.of("A123456789", "C100000003", "D200000015", "E100000023", "F200000035", "G100000043", "H200000055")) {
            database.staff(id, "林", "建宏", LocalDate.of(1980, 5, 17), null, PersonnelRealm.MINISTRY, "1", MONDAY);
        }

        SynchronizationResult result = sync(3).full(new SyncReport("hr"));

        assertThat(result.getAdded()).isEqualTo(7);
        // 3 batches of rows, then the full sync's pass over the realm's users for the people removed: 3 pages.
        assertThat(realm.transactionsRun).isEqualTo(3 + 3);
    }

    @Test
    void aSecondFullSyncOfTheSameRowsChangesNothing() throws SQLException {
        twoGoodPeople();
        sync(500).full(new SyncReport("hr"));
        SyncReport again = new SyncReport("hr");

        SynchronizationResult result = sync(500).full(again);

        assertThat(result.getAdded()).isZero();
        assertThat(result.getUpdated()).isZero();
        assertThat(result.getFailed()).isZero();
        assertThat(again.unchangedCount()).isEqualTo(2);
        assertThat(realm.stored).hasSize(2);
        assertThat(realm.evicted).isEmpty();
    }

    @Test
    void aChangedSyncReadsOnlyTheRowsModifiedSinceAndAppliesAnAgencyMoveAndADeparture() throws SQLException {
        twoGoodPeople();
        sync(500).full(new SyncReport("hr"));
        Instant lastSync = MONDAY.plusHours(1).toInstant();
        OffsetDateTime tuesday = MONDAY.plusDays(1);
        database.execute("UPDATE hr.staff SET org_code = ?, duty_code = '2', updated_at = ? WHERE id_no = 'A123456789'",
                PersonnelRealm.BRANCH, tuesday);
        database.staff("D200000015", "李", "淑惠", LocalDate.of(1988, 8, 8), null, PersonnelRealm.MINISTRY, "1", tuesday);
        // Changed in the database but before the last sync: a changed sync does not see it.
        database.execute("UPDATE hr.staff SET surname = '陳' WHERE id_no = 'C100000003'");
        database.execute("UPDATE hr.staff SET updated_at = ? WHERE id_no = 'C100000003'", MONDAY);

        SynchronizationResult result = sync(500).changedSince(lastSync, new SyncReport("hr"));

        assertThat(result.getAdded()).isEqualTo(1);
        assertThat(result.getUpdated()).isEqualTo(1);
        assertThat(result.getFailed()).isZero();
        UserModel lin = realm.byNationalId("A123456789").orElseThrow();
        assertThat(PersonnelRecord.of(lin).agencyCode()).contains(PersonnelRealm.BRANCH);
        assertThat(PersonnelRecord.of(lin).departed()).isTrue();
        assertThat(agencyCodeOfGroups(lin)).isEqualTo("示範部第一署");
        assertThat(realm.evicted).containsExactly(lin);
        assertThat(realm.byNationalId("C100000003").orElseThrow().getLastName()).isEqualTo("Chen");
        assertThat(realm.byNationalId("D200000015")).isPresent();
    }

    @Test
    void aRowChangedInTheSecondTheLastSyncStartedIsReadAgain() throws SQLException {
        twoGoodPeople();

        SynchronizationResult result = sync(500).changedSince(MONDAY.toInstant(), new SyncReport("hr"));

        assertThat(result.getAdded()).isEqualTo(2);
    }

    @Test
    void aChangedRowWhoseIdAnUnchangedRowAlsoHoldsIsADuplicateToo() throws SQLException {
        database.staff("A123456789", "林", "建宏", LocalDate.of(1980, 5, 17), null, PersonnelRealm.MINISTRY, "1", MONDAY);
        database.staff("A123456789", "林", "建宏", LocalDate.of(1980, 5, 17), null, PersonnelRealm.BRANCH, "1", MONDAY.plusDays(1));
        SyncReport report = new SyncReport("hr");

        SynchronizationResult result = sync(500).changedSince(MONDAY.plusHours(1).toInstant(), report);

        assertThat(result.getFailed()).isEqualTo(1);
        assertThat(report.lines()).singleElement().asString().endsWith("row A1*****789 skipped: the national ID is in more than one row");
        assertThat(realm.stored).isEmpty();
    }

    @Test
    void theCustomAccountAndAnEmailThePersonSetSurviveASync() throws SQLException {
        twoGoodPeople();
        sync(500).full(new SyncReport("hr"));
        UserModel lin = realm.byNationalId("A123456789").orElseThrow();
        lin.setUsername("lin.jianhong");
        lin.setEmail("jianhong@mail.example.tw");
        UserModel chen = realm.byNationalId("C100000003").orElseThrow();
        database.execute("UPDATE hr.staff SET surname = '林口', office_mail = 'new@example.gov.tw' WHERE id_no = 'A123456789'");
        database.execute("UPDATE hr.staff SET office_mail = 'chen@example.gov.tw' WHERE id_no = 'C100000003'");

        SynchronizationResult result = sync(500).full(new SyncReport("hr"));

        assertThat(result.getUpdated()).isEqualTo(2);
        assertThat(lin.getUsername()).isEqualTo("lin.jianhong");
        assertThat(lin.getLastName()).isEqualTo("林口");
        assertThat(lin.getEmail()).isEqualTo("jianhong@mail.example.tw");
        assertThat(chen.getEmail()).isEqualTo("chen@example.gov.tw");
    }

    @Test
    void someoneInKeycloakNotImportedFromThisDatabaseIsLeftAloneAndReported() throws SQLException {
        twoGoodPeople();
        UserModel imported = realm.existing("A123456789", null);
        imported.setLastName("舊姓");
        SyncReport report = new SyncReport("hr");

        SynchronizationResult result = sync(500).full(report);

        assertThat(result.getAdded()).isEqualTo(1);
        assertThat(result.getFailed()).isEqualTo(1);
        assertThat(report.lines()).containsExactly(
                "personnel database hr: row A1*****789 skipped: a Keycloak user with this national ID exists but was not imported from this database");
        assertThat(imported.getLastName()).isEqualTo("舊姓");
        assertThat(imported.getFederationLink()).isNull();
    }

    @Test
    void aBatchThatCannotCommitIsImportedAgainOneRowPerTransaction() throws SQLException {
        twoGoodPeople();
        database.staff("D200000015", "李", "淑惠", LocalDate.of(1988, 8, 8), null, PersonnelRealm.MINISTRY, "1", MONDAY);
        realm.commitFails = added -> added.stream()
                .anyMatch(user -> "C100000003".equals(user.getFirstAttribute(PersonnelAttributes.NATIONAL_ID)));
        SyncReport report = new SyncReport("hr");

        SynchronizationResult result = sync(500).full(report);

        assertThat(result.getAdded()).isEqualTo(2);
        assertThat(result.getFailed()).isEqualTo(1);
        assertThat(report.lines()).containsExactly(
                "personnel database hr: row C1*****003 skipped: Keycloak could not save the record (ModelDuplicateException)");
        assertThat(realm.byNationalId("C100000003")).isEmpty();
        assertThat(realm.byNationalId("A123456789")).isPresent();
        // the failed batch, each of its rows alone, and one page of users for the people removed
        assertThat(realm.transactionsRun).isEqualTo(1 + 3 + 1);
    }

    @Test
    void whenNoRowOfABatchCanBeSavedAloneTheSyncStopsAndDisablesNobody() throws SQLException {
        twoGoodPeople();
        sync(500).full(new SyncReport("hr"));
        database.staff("D200000015", "李", "淑惠", LocalDate.of(1988, 8, 8), null, PersonnelRealm.MINISTRY, "1", MONDAY);
        database.execute("DELETE FROM hr.staff WHERE id_no = 'A123456789'");
        // Keycloak's own database gone: nothing commits any more.
        realm.commitFails = added -> true;
        int before = realm.transactionsRun;

        assertThatThrownBy(() -> sync(500).full(new SyncReport("hr")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("the sync stopped");

        assertThat(realm.byNationalId("A123456789")).as("not disabled by a sync that saved nothing")
                .hasValueSatisfying(user -> assertThat(user.isEnabled()).isTrue());
        // the batch, each of its two rows alone, and no page of users for the people removed
        assertThat(realm.transactionsRun - before).isEqualTo(1 + 2);
    }

    @Test
    void aViewThatBreaksTheContractStopsTheSyncNamingTheColumn() throws SQLException {
        twoGoodPeople();
        database.execute("CREATE VIEW ecpa.short_view AS SELECT id_no AS national_id, surname AS last_name FROM hr.staff");
        PersonnelDatabaseSettings settings = new PersonnelDatabaseSettings(database.url, "sa", "", "ecpa.short_view", 500);

        assertThatThrownBy(() -> sync(settings).full(new SyncReport("hr")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("The personnel database could not be read")
                .hasMessageContaining("FIRST_NAME");
        assertThat(realm.stored).isEmpty();
    }

    @Test
    void aDriverMessageThatQuotesARowCarriesNoNationalIdIntoTheLog() throws SQLException {
        database.execute("CREATE VIEW ecpa.text_dates AS SELECT id_no AS national_id, surname AS last_name, given_name AS first_name,"
                + " id_no AS birth_date, office_mail AS email, org_code AS agency_code, 'serving' AS employment_status,"
                + " updated_at AS last_modified FROM hr.staff");
        twoGoodPeople();
        PersonnelDatabaseSettings settings = new PersonnelDatabaseSettings(database.url, "sa", "", "ecpa.text_dates", 500);

        assertThatThrownBy(() -> sync(settings).full(new SyncReport("hr")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("A1*****789")
                .hasMessageNotContaining("A123456789")
                .hasNoCause();
        assertThat(PersonnelSync.masked("value a123456789 and AC01234567 in x")).isEqualTo("value a1*****789 and AC*****567 in x");
    }

    @Test
    void theReadingConnectionIsReadOnly() throws SQLException {
        PersonnelDatabaseSettings settings = database.settings(10);
        try (PersonnelDatabase personnel = PersonnelDatabase.connect(settings, "")) {
            assertThat(personnel.duplicateNationalIds()).isEmpty();
        }
        assertThat(PersonnelColumns.selectAll("ecpa.personnel")).isEqualTo(
                "SELECT national_id, last_name, first_name, birth_date, email, agency_code, employment_status, last_modified"
                        + " FROM ecpa.personnel ORDER BY national_id");
    }
}

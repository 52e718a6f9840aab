package tw.ecpa.keycloak.personneldb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ModelException;
import org.keycloak.models.UserModel;
import org.keycloak.storage.user.SynchronizationResult;

import tw.ecpa.keycloak.model.OfficerGrantAttributes;
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * What a sync ends or undoes beyond the record's attributes: someone removed from the database is disabled at
 * the full sync (and only then), someone back is enabled again, a departure ends the sessions, an agency move
 * removes the officer grants and ends the sessions of the personnel office's people.
 */
class PersonnelLifecycleTest {

    private static final String PROVIDER = "component-personnel-db";
    private static final String LIN = "A123456789";
    private static final String CHEN = "C100000003";
    private static final String LI = "D200000015";
    private static final OffsetDateTime MONDAY = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final Clock TAIPEI_DEC_8 = Clock.fixed(Instant.parse("2026-12-08T02:00:00Z"), PersonnelDatabaseStorageProviderFactory.TAIWAN);

    private SampleDatabase database;
    private final PersonnelRealm realm = new PersonnelRealm();

    @BeforeEach
    void threePeople() throws SQLException {
        database = new SampleDatabase();
        database.staff(LIN, "林", "建宏", LocalDate.of(1980, 5, 17), null, PersonnelRealm.MINISTRY, "1", MONDAY);
        database.staff(CHEN, "Chen", "Mary", LocalDate.of(1975, 1, 2), null, PersonnelRealm.MINISTRY, "1", MONDAY);
        database.staff(LI, "李", "淑惠", LocalDate.of(1988, 8, 8), null, PersonnelRealm.BRANCH, "1", MONDAY);
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    private PersonnelSync sync(PersonnelDatabaseSettings settings) {
        return new PersonnelSync(realm.transactions(configured -> ""), PROVIDER, settings, TAIPEI_DEC_8, new Random(18));
    }

    /** Batches and pages of 2, so that three people span two transactions of each. */
    private SynchronizationResult full(SyncReport report) {
        return sync(database.settings(2)).full(report);
    }

    private SynchronizationResult changed(SyncReport report) {
        return sync(database.settings(2)).changedSince(MONDAY.plusHours(1).toInstant(), report);
    }

    private UserModel person(String nationalId) {
        return realm.byNationalId(nationalId).orElseThrow();
    }

    private void importEveryone() {
        full(new SyncReport("hr"));
        realm.sessionsEnded.clear();
        realm.evicted.clear();
    }

    @Test
    void aFullSyncDisablesWhoeverNoRowHoldsAnyMoreKeepsThemAndEndsTheirSessions() throws SQLException {
        importEveryone();
        UserModel chen = person(CHEN);
        database.execute("DELETE FROM hr.staff WHERE id_no = ?", CHEN);
        SyncReport report = new SyncReport("hr");

        SynchronizationResult result = full(report);

        assertThat(result.getRemoved()).as("counted as removed in the admin console's answer").isEqualTo(1);
        assertThat(realm.stored).as("nobody deleted").hasSize(3).contains(chen);
        assertThat(chen.isEnabled()).isFalse();
        assertThat(chen.getFirstAttribute(UserModel.DISABLED_REASON)).isEqualTo(RemovedPersonnel.NOT_IN_DATABASE);
        assertThat(chen.getFirstAttribute("nationalId")).isEqualTo(CHEN);
        assertThat(realm.sessionsEnded).containsExactly(chen);
        assertThat(realm.evicted).contains(chen);
        assertThat(person(LIN).isEnabled()).isTrue();
        assertThat(person(LI).isEnabled()).isTrue();
        assertThat(report.personLines()).containsExactly(
                "personnel database hr: person C1*****003 disabled: no longer in the personnel database; sessions ended");

        SynchronizationResult again = full(new SyncReport("hr"));

        assertThat(again.getRemoved()).as("disabled once, not at every sync").isZero();
        assertThat(realm.sessionsEnded).containsExactly(chen);
    }

    @Test
    void aRowThatIsStillThereButSkippedForABadFieldDisablesNobody() throws SQLException {
        importEveryone();
        database.execute("UPDATE hr.staff SET duty_code = '9' WHERE id_no = ?", CHEN);

        SynchronizationResult result = full(new SyncReport("hr"));

        assertThat(result.getFailed()).isEqualTo(1);
        assertThat(result.getRemoved()).isZero();
        assertThat(person(CHEN).isEnabled()).isTrue();
    }

    @Test
    void aChangedSyncDisablesNobody() throws SQLException {
        importEveryone();
        database.execute("DELETE FROM hr.staff WHERE id_no = ?", CHEN);

        SynchronizationResult result = changed(new SyncReport("hr"));

        assertThat(result.getRemoved()).isZero();
        assertThat(person(CHEN).isEnabled()).isTrue();
        assertThat(realm.sessionsEnded).isEmpty();
    }

    @Test
    void aFullSyncThatStopsDisablesNobody() throws SQLException {
        importEveryone();
        database.execute("DELETE FROM hr.staff WHERE id_no = ?", CHEN);
        // The birth date of 李's row cannot be read as a date: the read stops at that row.
        database.execute("CREATE VIEW ecpa.breaks AS SELECT id_no AS national_id, surname AS last_name, given_name AS first_name,"
                + " CAST(CASE WHEN id_no = '" + LI + "' THEN 'not a date' ELSE CAST(born_on AS VARCHAR) END AS DATE) AS birth_date,"
                + " office_mail AS email, org_code AS agency_code, 'serving' AS employment_status, updated_at AS last_modified"
                + " FROM hr.staff");
        PersonnelDatabaseSettings breaks = new PersonnelDatabaseSettings(database.url, "sa", "", "ecpa.breaks", 1);

        assertThatThrownBy(() -> sync(breaks).full(new SyncReport("hr"))).isInstanceOf(ModelException.class);

        assertThat(person(CHEN).isEnabled()).isTrue();
        assertThat(realm.sessionsEnded).isEmpty();
    }

    @Test
    void aFullSyncThatReadsNoRowAtAllDisablesNobody() throws SQLException {
        importEveryone();
        database.execute("DELETE FROM hr.staff");

        SynchronizationResult result = full(new SyncReport("hr"));

        assertThat(result.getRemoved()).isZero();
        assertThat(realm.stored).allMatch(UserModel::isEnabled);
    }

    @Test
    void usersThisProviderDidNotImportAreNotDisabled() {
        UserModel realmImport = realm.existing("E100000023", null);
        realmImport.setEnabled(true);
        UserModel otherProvider = realm.existing("F200000035", "another-component");
        otherProvider.setEnabled(true);

        SynchronizationResult result = full(new SyncReport("hr"));

        assertThat(result.getRemoved()).isZero();
        assertThat(realmImport.isEnabled()).isTrue();
        assertThat(otherProvider.isEnabled()).isTrue();
    }

    @Test
    void someoneBackInTheDatabaseIsEnabledAgainByTheNextSyncEvenAChangedOne() throws SQLException {
        importEveryone();
        database.execute("DELETE FROM hr.staff WHERE id_no = ?", CHEN);
        full(new SyncReport("hr"));
        database.staff(CHEN, "Chen", "Mary", LocalDate.of(1975, 1, 2), null, PersonnelRealm.MINISTRY, "1", MONDAY.plusDays(1));
        SyncReport report = new SyncReport("hr");

        SynchronizationResult result = changed(report);

        UserModel chen = person(CHEN);
        assertThat(chen.isEnabled()).isTrue();
        assertThat(chen.getFirstAttribute(UserModel.DISABLED_REASON)).isNull();
        assertThat(result.getUpdated()).isEqualTo(1);
        assertThat(report.personLines()).containsExactly("personnel database hr: person C1*****003 enabled again: back in the personnel database");
    }

    @Test
    void anAdministratorsOwnDisablingIsKeptWhenThePersonLeavesAndComesBack() throws SQLException {
        importEveryone();
        UserModel chen = person(CHEN);
        chen.setEnabled(false);
        database.execute("DELETE FROM hr.staff WHERE id_no = ?", CHEN);

        SynchronizationResult removed = full(new SyncReport("hr"));

        assertThat(removed.getRemoved()).as("already disabled: not this provider's doing").isZero();
        assertThat(chen.getFirstAttribute(UserModel.DISABLED_REASON)).isNull();
        database.staff(CHEN, "Chen", "Mary", LocalDate.of(1975, 1, 2), null, PersonnelRealm.MINISTRY, "1", MONDAY);

        full(new SyncReport("hr"));

        assertThat(chen.isEnabled()).isFalse();
    }

    @Test
    void aDepartureAtASyncEndsTheSessionsOnce() throws SQLException {
        importEveryone();
        database.execute("UPDATE hr.staff SET duty_code = '2', updated_at = ? WHERE id_no = ?", MONDAY.plusDays(1), LIN);
        SyncReport report = new SyncReport("hr");

        changed(report);

        UserModel lin = person(LIN);
        assertThat(PersonnelRecord.of(lin).departed()).isTrue();
        assertThat(lin.isEnabled()).as("kept enabled so an officer can see the account").isTrue();
        assertThat(realm.sessionsEnded).containsExactly(lin);
        assertThat(realm.evicted).contains(lin);
        assertThat(report.personLines()).containsExactly("personnel database hr: person A1*****789 departed (卸職): sessions ended");

        full(new SyncReport("hr"));

        assertThat(realm.sessionsEnded).as("a departure recorded earlier is no new one").containsExactly(lin);
    }

    @Test
    void someoneImportedAlreadyDepartedHasNoSessionToEnd() throws SQLException {
        database.staff("E100000023", "黃", "小華", LocalDate.of(1990, 1, 1), null, PersonnelRealm.MINISTRY, "2", MONDAY);

        full(new SyncReport("hr"));

        assertThat(realm.sessionsEnded).isEmpty();
    }

    @Test
    void anAgencyMoveRemovesTheOfficerGrantsAndEndsTheSessionsOfThePersonnelOfficesPeopleOnly() throws SQLException {
        importEveryone();
        UserModel lin = person(LIN);
        lin.grantRole(realm.role("personnel-officer"));
        grant(lin);
        UserModel chen = person(CHEN);
        chen.grantRole(realm.role("other-role"));
        grant(chen);
        database.execute("UPDATE hr.staff SET org_code = ?, updated_at = ? WHERE id_no IN (?, ?)",
                PersonnelRealm.BRANCH, MONDAY.plusDays(1), LIN, CHEN);
        SyncReport report = new SyncReport("hr");

        changed(report);

        for (UserModel moved : List.of(lin, chen)) {
            assertThat(PersonnelRecord.of(moved).agencyCode()).contains(PersonnelRealm.BRANCH);
            assertThat(OfficerGrantAttributes.ALL).allSatisfy(name -> assertThat(moved.getAttributeStream(name)).isEmpty());
        }
        assertThat(lin.getFirstAttribute("birthDate")).isEqualTo("1980-05-17");
        assertThat(realm.sessionsEnded).containsExactly(lin);
        assertThat(report.personLines()).containsExactly(
                "personnel database hr: person A1*****789 moved to another agency: officer grants removed, sessions ended",
                "personnel database hr: person C1*****003 moved to another agency: officer grants removed");
    }

    @Test
    void aChiefWhoMovesHasTheirSessionsEndedToo() throws SQLException {
        importEveryone();
        UserModel li = person(LI);
        li.grantRole(realm.role("personnel-chief"));
        database.execute("UPDATE hr.staff SET org_code = ? WHERE id_no = ?", PersonnelRealm.MINISTRY, LI);
        SyncReport report = new SyncReport("hr");

        full(report);

        assertThat(realm.sessionsEnded).containsExactly(li);
        assertThat(report.personLines()).containsExactly("personnel database hr: person D2*****015 moved to another agency: sessions ended");
    }

    /** A grant as the personnel API writes it: reset permission and one concurrent agency, for the agency now. */
    private static void grant(UserModel officer) {
        officer.setSingleAttribute(OfficerGrantAttributes.RESET_GRANTED, "true");
        officer.setAttribute(OfficerGrantAttributes.CONCURRENT_AGENCIES, List.of(PersonnelRealm.BRANCH));
        officer.setSingleAttribute(OfficerGrantAttributes.GRANTED_FOR_AGENCY, PersonnelRealm.MINISTRY);
        officer.setSingleAttribute(OfficerGrantAttributes.GRANTED_BY, "chief-id");
    }
}

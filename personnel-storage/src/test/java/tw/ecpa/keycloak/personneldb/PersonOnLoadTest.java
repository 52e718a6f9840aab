package tw.ecpa.keycloak.personneldb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.model.PersonnelAttributes;
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * The personnel database asked while someone logs in, on the documented sample view (H2): a person's row read
 * at load brings the imported record up to date (卸職 among it), a row gone refuses the person without deleting
 * them, a database that does not answer leaves the last sync's record, and someone not imported yet is imported
 * at their first look-up by national ID, or not at all when the database does not answer.
 */
class PersonOnLoadTest {

    private static final String PROVIDER = "component-personnel-db";
    private static final OffsetDateTime MONDAY = OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    private static final String LIN = "A123456789";
    private static final String CHEN = "C100000003";

    private SampleDatabase database;
    private final PersonnelRealm realm = new PersonnelRealm();
    private final RecentAnswers answers = new RecentAnswers(Clock.fixed(Instant.parse("2026-12-08T02:00:00Z"), ZoneOffset.UTC));
    private final List<String> asked = new ArrayList<>();
    private boolean databaseDown;

    @BeforeEach
    void database() throws SQLException {
        database = new SampleDatabase();
        database.staff(LIN, "林", "建宏", LocalDate.of(1980, 5, 17), "lin@example.gov.tw", PersonnelRealm.MINISTRY, "1", MONDAY);
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    private PersonOnLoad onLoad(Duration kept) {
        OnLoadLookup.Rows fromDatabase = OnLoadLookup.fromDatabase(database.settings(500), () -> "");
        OnLoadLookup.Rows rows = nationalId -> {
            asked.add(nationalId);
            if (databaseDown) {
                throw new SQLTransientConnectionException("Connection to hr-db:5432 refused while reading " + nationalId);
            }
            return fromDatabase.byNationalId(nationalId);
        };
        OnLoadLookup lookup = new OnLoadLookup(PROVIDER, "公務人力資料庫", rows, answers, kept);
        RealmStore store = new RealmStore(realm.realm, realm.users, realm::agency, realm.evicted::add, realm.sessionsEnded::add);
        return new PersonOnLoad(store, PROVIDER, "公務人力資料庫", lookup, TODAY, new Random(18));
    }

    private UserModel imported() {
        PersonOnLoad.OnDemand found = onLoad(Duration.ZERO).importOnDemand(NationalId.of(LIN));
        return found.user().orElseThrow();
    }

    @Test
    void someoneInTheDatabaseButNotImportedIsImportedAtTheirFirstLookUp() {
        PersonOnLoad.OnDemand found = onLoad(Duration.ofSeconds(30)).importOnDemand(NationalId.of(LIN));

        UserModel lin = found.user().orElseThrow();
        assertThat(found.unreachable()).isFalse();
        assertThat(lin.getFederationLink()).isEqualTo(PROVIDER);
        assertThat(lin.getUsername()).matches("ecpa-[a-z2-9]{16}");
        assertThat(lin.getLastName()).isEqualTo("林");
        assertThat(PersonnelRecord.of(lin).agencyCode()).contains(PersonnelRealm.MINISTRY);
        assertThat(PersonnelRecord.of(lin).departed()).isFalse();
        assertThat(realm.stored).containsExactly(lin);
    }

    @Test
    void someoneNeitherImportedNorInTheDatabaseIsNobodyAndNothingIsWritten() {
        PersonOnLoad.OnDemand found = onLoad(Duration.ofSeconds(30)).importOnDemand(NationalId.of(CHEN));

        assertThat(found.user()).isEmpty();
        assertThat(found.unreachable()).isFalse();
        assertThat(realm.stored).isEmpty();
    }

    @Test
    void someoneTheRealmHoldsAlreadyIsTheRealmsAnswerAndTheDatabaseIsNotAsked() {
        realm.existing(LIN, null);

        PersonOnLoad.OnDemand found = onLoad(Duration.ofSeconds(30)).importOnDemand(NationalId.of(LIN));

        assertThat(found.user()).isEmpty();
        assertThat(asked).isEmpty();
        assertThat(realm.stored).hasSize(1);
    }

    @Test
    void aRowTheSyncWouldSkipIsNotImportedOnDemandEither() throws SQLException {
        database.staff(CHEN, "陳", "小美", LocalDate.of(1990, 1, 1), null, "X99999999Z", "1", MONDAY);

        PersonOnLoad.OnDemand found = onLoad(Duration.ofSeconds(30)).importOnDemand(NationalId.of(CHEN));

        assertThat(found.user()).isEmpty();
        assertThat(realm.stored).isEmpty();
    }

    @Test
    void whenTheDatabaseDoesNotAnswerSomeoneNotImportedIsNotFoundSaysSoAndNothingIsWritten() {
        databaseDown = true;

        PersonOnLoad.OnDemand found = onLoad(Duration.ofSeconds(30)).importOnDemand(NationalId.of(LIN));

        assertThat(found.user()).isEmpty();
        assertThat(found.unreachable()).isTrue();
        assertThat(realm.stored).isEmpty();
    }

    @Test
    void aPersonMarkedDepartedInTheDatabaseIsDepartedAtTheirNextLoadBeforeAnySync() throws SQLException {
        UserModel lin = imported();
        database.execute("UPDATE hr.staff SET duty_code = '2' WHERE id_no = ?", LIN);

        UserModel loaded = onLoad(Duration.ZERO).validate(lin);

        assertThat(PersonnelRecord.of(loaded).departed()).isTrue();
        assertThat(loaded.getFirstAttribute(PersonnelAttributes.EMPLOYMENT_STATUS)).isEqualTo(PersonnelAttributes.DEPARTED);
        assertThat(loaded.isEnabled()).as("still enabled: an officer sees the account").isTrue();
        assertThat(realm.evicted).contains(lin);
    }

    @Test
    void aPersonWhoseRowIsGoneIsRefusedAsDisabledButNotDeleted() throws SQLException {
        UserModel lin = imported();
        database.execute("DELETE FROM hr.staff WHERE id_no = ?", LIN);

        UserModel loaded = onLoad(Duration.ZERO).validate(lin);

        assertThat(loaded.isEnabled()).isFalse();
        assertThat(lin.isEnabled()).as("the stored record is the full sync's to change").isTrue();
        assertThat(realm.stored).containsExactly(lin);
    }

    @Test
    void whenTheDatabaseDoesNotAnswerAnImportedPersonKeepsTheLastSynchronisedRecord() {
        UserModel lin = imported();
        databaseDown = true;

        UserModel loaded = onLoad(Duration.ofSeconds(30)).validate(lin);

        assertThat(loaded).isSameAs(lin);
        assertThat(loaded.isEnabled()).isTrue();
        assertThat(PersonnelRecord.of(loaded).departed()).isFalse();
    }

    @Test
    void theAnswerIsKeptForItsLifetimeSoThatSeveralLoadsOfOneLoginAskTheDatabaseOnce() throws SQLException {
        UserModel lin = imported();
        asked.clear();
        PersonOnLoad onLoad = onLoad(Duration.ofSeconds(30));

        onLoad.validate(lin);
        database.execute("UPDATE hr.staff SET duty_code = '2' WHERE id_no = ?", LIN);
        onLoad.validate(lin);
        UserModel third = onLoad.validate(lin);

        assertThat(asked).containsExactly(LIN);
        assertThat(PersonnelRecord.of(third).departed()).as("the answer of 30 s ago stands").isFalse();
    }

    @Test
    void aKeptAnswerDoesNotUndoWhatASyncWroteSince() throws SQLException {
        UserModel lin = imported();
        PersonOnLoad onLoad = onLoad(Duration.ofSeconds(30));
        onLoad.validate(lin);
        lin.setSingleAttribute(PersonnelAttributes.EMPLOYMENT_STATUS, PersonnelAttributes.DEPARTED);

        UserModel loaded = onLoad.validate(lin);

        assertThat(PersonnelRecord.of(loaded).departed()).as("the sync's newer record stands").isTrue();
    }

    @Test
    void twoRowsOfOneIdChangeNothing() throws SQLException {
        UserModel lin = imported();
        database.staff(LIN, "林", "建宏", LocalDate.of(1980, 5, 17), null, PersonnelRealm.MINISTRY, "2", MONDAY);

        UserModel loaded = onLoad(Duration.ZERO).validate(lin);

        assertThat(PersonnelRecord.of(loaded).departed()).isFalse();
        assertThat(loaded.isEnabled()).isTrue();
    }
}

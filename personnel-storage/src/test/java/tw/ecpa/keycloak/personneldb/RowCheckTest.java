package tw.ecpa.keycloak.personneldb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of bad row the personnel database may hold, and what a good row becomes. */
class RowCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    private final RowCheck check = new RowCheck(Set.of("B223456782"), Set.of("X10021000A")::contains, TODAY);

    private static PersonnelRow row(String id, String last, String first, LocalDate born, String email, String agency,
                                    String status) {
        return new PersonnelRow(id, last, first, born, email, agency, status);
    }

    private static PersonnelRow good() {
        return row("A123456789", "林", "建宏", LocalDate.of(1980, 5, 17), " Lin@Example.gov.tw ", "X10021000A", "serving");
    }

    @Test
    void aGoodRowBecomesAnEntryTrimmedWithTheEmailInLowerCase() {
        CheckedRow checked = check.check(good());

        assertThat(checked.isValid()).isTrue();
        PersonnelEntry entry = checked.entry().orElseThrow();
        assertThat(entry.nationalId().value()).isEqualTo("A123456789");
        assertThat(entry.lastName()).isEqualTo("林");
        assertThat(entry.firstName()).isEqualTo("建宏");
        assertThat(entry.birthDate()).isEqualTo(LocalDate.of(1980, 5, 17));
        assertThat(entry.email()).contains("lin@example.gov.tw");
        assertThat(entry.agencyCode()).isEqualTo("X10021000A");
        assertThat(entry.employmentStatus()).isEqualTo("serving");
    }

    @Test
    void theBlanksOfACharColumnAndAMissingEmailAreFine() {
        CheckedRow checked = check.check(row("A123456789  ", "林", "建宏", LocalDate.of(1980, 5, 17), null, "X10021000A ",
                "departed"));

        assertThat(checked.entry().map(PersonnelEntry::email)).contains(Optional.empty());
        assertThat(checked.entry().map(PersonnelEntry::employmentStatus)).contains("departed");
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(nullValues = "NULL", value = {
            "A123456788, WRONG_CHECKSUM",
            "a123456789, WRONG_FORMAT",
            "A12345678, WRONG_LENGTH",
            "NULL, EMPTY",
            "'  ', EMPTY"})
    void anInvalidNationalIdIsRefusedWithItsProblem(String id, String problem) {
        CheckedRow checked = check.check(row(id, "林", "建宏", LocalDate.of(1980, 5, 17), null, "X10021000A", "serving"));

        assertThat(checked.problem()).isEqualTo(RowProblem.INVALID_NATIONAL_ID);
        assertThat(checked.detail()).isEqualTo(problem);
    }

    @Test
    void aNationalIdInMoreThanOneRowIsRefused() {
        CheckedRow checked = check.check(row("B223456782", "王", "小明", LocalDate.of(1990, 1, 1), null, "X10021000A", "serving"));

        assertThat(checked.problem()).isEqualTo(RowProblem.DUPLICATE_NATIONAL_ID);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL, 建宏, last_name", "' ', 建宏, last_name", "林, NULL, first_name", "林, '', first_name"})
    void anEmptyNameIsRefused(String last, String first, String part) {
        CheckedRow checked = check.check(row("A123456789", last, first, LocalDate.of(1980, 5, 17), null, "X10021000A", "serving"));

        assertThat(checked.problem()).isEqualTo(RowProblem.EMPTY_NAME);
        assertThat(checked.detail()).isEqualTo(part);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"現職, 現職", "Serving, Serving", "NULL, ''", "1, 1"})
    void aStatusOutsideTheModelsWordsIsRefused(String status, String shown) {
        CheckedRow checked = check.check(row("A123456789", "林", "建宏", LocalDate.of(1980, 5, 17), null, "X10021000A", status));

        assertThat(checked.problem()).isEqualTo(RowProblem.BAD_EMPLOYMENT_STATUS);
        assertThat(checked.detail()).isEqualTo("'" + shown + "'");
    }

    @Test
    void aStatusCannotWriteALogLineOfItsOwn() {
        CheckedRow checked = check.check(row("A123456789", "林", "建宏", LocalDate.of(1980, 5, 17), null, "X10021000A",
                "x\nWARN forged line that goes on and on"));

        assertThat(checked.detail()).doesNotContain("\n").startsWith("'x?WARN forged line").endsWith("…'");
    }

    @Test
    void aBirthDateInTheFutureOrNoneIsRefused() {
        assertThat(check.check(row("A123456789", "林", "建宏", TODAY.plusDays(1), null, "X10021000A", "serving")).problem())
                .isEqualTo(RowProblem.FUTURE_BIRTH_DATE);
        assertThat(check.check(row("A123456789", "林", "建宏", null, null, "X10021000A", "serving")).problem())
                .isEqualTo(RowProblem.MISSING_BIRTH_DATE);
        assertThat(check.check(row("A123456789", "林", "建宏", TODAY, null, "X10021000A", "serving")).isValid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"X99999999Z, X99999999Z", "NULL, ''"})
    void anAgencyTheRealmDoesNotHaveIsRefused(String agency, String shown) {
        CheckedRow checked = check.check(row("A123456789", "林", "建宏", LocalDate.of(1980, 5, 17), null, agency, "serving"));

        assertThat(checked.problem()).isEqualTo(RowProblem.UNKNOWN_AGENCY);
        assertThat(checked.detail()).isEqualTo("'" + shown + "'");
    }

    @Test
    void aRowIsNamedByItsMaskedNationalIdOnly() {
        assertThat(good().maskedNationalId()).isEqualTo("A1*****789");
        assertThat(good().toString()).doesNotContain("A123456789").doesNotContain("林");
        assertThat(row(null, null, null, null, null, null, null).maskedNationalId()).isEqualTo("(none)");
    }
}

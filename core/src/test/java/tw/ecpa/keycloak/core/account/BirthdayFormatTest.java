package tw.ecpa.keycloak.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BirthdayFormatTest {

    private static final LocalDate BIRTHDAY = LocalDate.of(1980, 5, 12);

    @ParameterizedTest
    @CsvSource({
        "SHORT_CODE, 12",
        "MONTH_DAY, 0512",
        "ROC_DATE, 0690512",
    })
    void eachFormatAsksForItsPartOfTheDate(BirthdayFormat format, String code) {
        assertThat(format.codeOf(BIRTHDAY)).isEqualTo(code);
        assertThat(format.matches(BIRTHDAY, code)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "ROC_DATE, 069/05/12",
        "ROC_DATE, ０６９０５１２",
        "MONTH_DAY, ' 05-12 '",
    })
    void separatorsAndFullWidthDigitsAreAccepted(BirthdayFormat format, String typed) {
        assertThat(format.matches(BIRTHDAY, typed)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "ROC_DATE, 0690513",
        "ROC_DATE, 690512",
        "ROC_DATE, 1980-05-12",
        "MONTH_DAY, 1205",
        "SHORT_CODE, 05",
        "SHORT_CODE, 1x",
        "SHORT_CODE, ''",
    })
    void anythingElseIsWrong(BirthdayFormat format, String typed) {
        assertThat(format.matches(BIRTHDAY, typed)).isFalse();
    }

    @Test
    void nothingMatchesAMissingBirthdayOrMissingInput() {
        assertThat(BirthdayFormat.ROC_DATE.matches(null, "0690512")).isFalse();
        assertThat(BirthdayFormat.ROC_DATE.matches(BIRTHDAY, null)).isFalse();
    }

    @Test
    void theDefaultIsTheFullRocDateAndUnknownNamesFallBackToIt() {
        assertThat(BirthdayFormat.DEFAULT).isEqualTo(BirthdayFormat.ROC_DATE);
        assertThat(BirthdayFormat.fromConfig(null)).isEqualTo(BirthdayFormat.ROC_DATE);
        assertThat(BirthdayFormat.fromConfig("no-such")).isEqualTo(BirthdayFormat.ROC_DATE);
        assertThat(BirthdayFormat.fromConfig("short_code")).isEqualTo(BirthdayFormat.SHORT_CODE);
    }

    @Test
    void theExampleIsAFixedDate() {
        assertThat(BirthdayFormat.ROC_DATE.example()).isEqualTo("0690509");
        assertThat(BirthdayFormat.SHORT_CODE.example()).isEqualTo("09");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "ROC_DATE, 0690512",
        "ROC_DATE, 069/05/12",
        "ROC_DATE, 0690513",
        "MONTH_DAY, 0512",
        "SHORT_CODE, 12",
        "SHORT_CODE, 31",
    })
    void theRightNumberOfDigitsIsWellFormedRightOrWrong(BirthdayFormat format, String typed) {
        assertThat(format.isWellFormed(typed)).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "ROC_DATE, 12",
        "ROC_DATE, 09",
        "ROC_DATE, 690512",
        "ROC_DATE, 1980-05-12",
        "MONTH_DAY, 12",
        "SHORT_CODE, 0512",
        "SHORT_CODE, ab",
        "SHORT_CODE, ''",
    })
    void theGuidesShortCodeUnderTheFullDateAndOtherShapesAreNotWellFormed(BirthdayFormat format, String typed) {
        assertThat(format.isWellFormed(typed)).isFalse();
        assertThat(BirthdayFormat.ROC_DATE.isWellFormed(null)).isFalse();
    }
}

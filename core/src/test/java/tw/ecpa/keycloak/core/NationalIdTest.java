package tw.ecpa.keycloak.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdTest {

    @Nested
    class GivenAValidNumberThenItIsAccepted {

        @ParameterizedTest
        @CsvSource({
            "A123456789, CITIZEN",
            "S223456660, CITIZEN",
            "F228765440, CITIZEN",
            "A800000014, RESIDENT",
            "A900000016, RESIDENT",
            "AC01234567, OLD_RESIDENT",
        })
        void ofEveryKind(String id, NationalId.Kind kind) {
            assertThat(NationalId.parse(id)).hasValueSatisfying(parsed -> {
                assertThat(parsed.kind()).isEqualTo(kind);
                assertThat(parsed.value()).isEqualTo(id);
            });
            assertThat(NationalId.problem(id)).isEmpty();
        }

        @Test
        void itsLastFourDigitsAreWhatACitizenCertificateCarries() {
            assertThat(NationalId.of("A123456789").lastFourDigits()).isEqualTo("6789");
        }

        @Test
        void itPrintsMaskedSoThatItCannotLeakIntoALog() {
            assertThat(NationalId.of("S223456660")).hasToString("S2*****660");
        }
    }

    @Nested
    class GivenBadInputThenItIsRefusedWithTheReason {

        @ParameterizedTest
        @NullAndEmptySource
        void empty(String id) {
            assertThat(NationalId.problem(id)).contains(NationalId.Problem.EMPTY);
            assertThat(NationalId.parse(id)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"A12345678", "A1234567890", "A12345 6789", " A123456789", "Ａ123456789X"})
        void wrongLength(String id) {
            assertThat(NationalId.problem(id)).contains(NationalId.Problem.WRONG_LENGTH);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "a123456789",  // lower case
            "Ａ１２３４５６７８９",  // full width, right length
            "A12345678９", // one full-width digit
            "A1234 6789",  // a space inside
            "A323456789",  // gender digit 3
            "AE01234567",  // second letter beyond D
            "1123456789",  // no letter
            "AB1234567X",  // letter at the end
        })
        void wrongFormat(String id) {
            assertThat(id).hasSize(10);
            assertThat(NationalId.problem(id)).contains(NationalId.Problem.WRONG_FORMAT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"A123456788", "S223456661", "A800000015", "AC01234568", "B123456789"})
        void wrongChecksum(String id) {
            assertThat(NationalId.problem(id)).contains(NationalId.Problem.WRONG_CHECKSUM);
        }

        @Test
        void ofThrowsWithoutEchoingTheCandidate() {
            assertThatThrownBy(() -> NationalId.of("A123456788"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("A123456788");
        }
    }

    @Nested
    class GivenTypedInputThenNormaliseMakesItCanonical {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "a123456789|A123456789",
            "  A123456789 |A123456789",
            "Ａ１２３４５６７８９|A123456789",
            "ａc01234567|AC01234567",
        })
        void normalised(String typed, String canonical) {
            assertThat(NationalId.normalise(typed)).isEqualTo(canonical);
            assertThat(NationalId.isValid(NationalId.normalise(typed))).isTrue();
        }

        @Test
        void nullStaysNull() {
            assertThat(NationalId.normalise(null)).isNull();
        }
    }

    @Nested
    class GivenACustomAccountCandidateThenIdShapesAreRecognisedWhateverTheChecksum {

        @ParameterizedTest
        @ValueSource(strings = {"A123456789", "a123456788", "b200000000", "AC01234568", "z900000000"})
        void idShaped(String candidate) {
            assertThat(NationalId.looksLikeNationalId(candidate)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"wang.daming", "A12345678", "AA12345678X", "A3234567890", "A323456789"})
        void notIdShaped(String candidate) {
            assertThat(NationalId.looksLikeNationalId(candidate)).isFalse();
        }
    }
}

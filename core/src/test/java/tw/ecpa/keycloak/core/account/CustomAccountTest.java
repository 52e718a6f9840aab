package tw.ecpa.keycloak.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomAccountTest {

    @Nested
    class GivenAnAcceptableAccountThenItPasses {

        @ParameterizedTest
        @ValueSource(strings = {"yijun.lin", "abcd", "a_b-c.d", "wang2024", "a23456789012345678901234567890"})
        void everyAllowedShape(String account) {
            assertThat(CustomAccount.problem(account)).isEmpty();
            assertThat(CustomAccount.isValid(account)).isTrue();
        }

        @Test
        void inputIsTrimmedAndLowerCasedTheWayKeycloakStoresIt() {
            assertThat(CustomAccount.normalise("  YiJun.Lin ")).isEqualTo("yijun.lin");
            assertThat(CustomAccount.normalise(null)).isNull();
        }
    }

    @Nested
    class GivenABrokenRuleThenItIsNamed {

        @ParameterizedTest
        @NullAndEmptySource
        void empty(String account) {
            assertThat(CustomAccount.problem(account)).contains(CustomAccount.Problem.EMPTY);
        }

        @ParameterizedTest
        @CsvSource({
            "abc, TOO_SHORT",
            "a234567890123456789012345678901, TOO_LONG",
            "a123456789, LOOKS_LIKE_NATIONAL_ID",
            "A123456789, LOOKS_LIKE_NATIONAL_ID",
            "a123456780, LOOKS_LIKE_NATIONAL_ID",
            "ac01234567, LOOKS_LIKE_NATIONAL_ID",
            "a800000014, LOOKS_LIKE_NATIONAL_ID",
            "ecpa-abcdef, RESERVED_PREFIX",
            "yijun lin, BAD_CHARACTERS",
            "yijun@lin.tw, BAD_CHARACTERS",
            "林怡君abc, BAD_CHARACTERS",
            "YiJun, BAD_CHARACTERS",
            "1yijun, MUST_START_WITH_LETTER",
            ".yijun, MUST_START_WITH_LETTER",
        })
        void eachOne(String account, CustomAccount.Problem problem) {
            assertThat(CustomAccount.problem(account)).contains(problem);
        }

        @Test
        void anEmailAddressIsNeverAnAccount() {
            assertThat(CustomAccount.isValid("someone@example.tw")).isFalse();
        }
    }

    @Test
    void thePlaceholderOfPeopleWithoutAnAccountIsRecognised() {
        assertThat(CustomAccount.isPlaceholder("ecpa-0123456789abcdef")).isTrue();
        assertThat(CustomAccount.isPlaceholder("yijun.lin")).isFalse();
        assertThat(CustomAccount.isPlaceholder(null)).isFalse();
    }

    @Test
    void aNewPlaceholderIsAPlaceholderNoCustomAccountAndNoNationalId() {
        java.util.Random random = new java.util.Random(18);
        String first = CustomAccount.newPlaceholder(random);
        String second = CustomAccount.newPlaceholder(random);

        assertThat(first).matches("ecpa-[a-z2-9]{16}").isNotEqualTo(second);
        assertThat(CustomAccount.isPlaceholder(first)).isTrue();
        assertThat(CustomAccount.isValid(first)).isFalse();
        assertThat(CustomAccount.normalise(first)).isEqualTo(first);
    }
}

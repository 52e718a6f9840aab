package tw.ecpa.keycloak.core.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

    @Test
    void lettersOfEitherCaseCountButOtherScriptsDoNot() {
        assertThat(PasswordRules.letterCount("12345678!")).isZero();
        assertThat(PasswordRules.letterCount("a2345678!")).isEqualTo(1);
        assertThat(PasswordRules.letterCount("A2345678!")).isEqualTo(1);
        assertThat(PasswordRules.letterCount("密碼12345678!")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "&", "+", "*", "?", "<", ">", "/", "\\", "'"})
    void eachForbiddenCharacterOfTheGuideIsCaught(String c) {
        assertThat(PasswordRules.containsAnyOf("Abc123!" + c, PasswordRules.FORBIDDEN_CHARACTERS)).isTrue();
    }

    @Test
    void otherSymbolsAreAllowed() {
        assertThat(PasswordRules.containsAnyOf("Abc123!@#$^()_-=.,;:", PasswordRules.FORBIDDEN_CHARACTERS)).isFalse();
    }

    @Test
    void theForbiddenCharactersAreListedForTheMessage() {
        assertThat(PasswordRules.listed(PasswordRules.FORBIDDEN_CHARACTERS)).isEqualTo("% & + * ? < > / \\ '");
    }

    @Test
    void theNationalIdIsFoundInAnyCase() {
        assertThat(PasswordRules.containsNationalId("a123456789!x", "A123456789")).isTrue();
        assertThat(PasswordRules.containsNationalId("A12345678!x", "A123456789")).isFalse();
        assertThat(PasswordRules.containsNationalId("anything", null)).isFalse();
    }
}

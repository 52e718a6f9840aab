package tw.ecpa.keycloak.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.policy.PolicyError;

import tw.ecpa.keycloak.core.password.PasswordRules;

class ForbiddenCharactersPasswordPolicyTest {

    private final ForbiddenCharactersPasswordPolicy policy = new ForbiddenCharactersPasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"%", "&", "+", "*", "?", "<", ">", "/", "\\", "'"})
    void eachCharacterOfTheGuideIsRefusedWithAMessageListingThemAll(String c) {
        PolicyError error = policy.validate(PasswordRules.FORBIDDEN_CHARACTERS, "Abcdef12" + c);

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).isEqualTo("ecpa.password.forbiddenCharacters");
        assertThat(error.getParameters()).containsExactly("% & + * ? < > / \\ '");
    }

    @Test
    void otherSymbolsPass() {
        assertThat(policy.validate(PasswordRules.FORBIDDEN_CHARACTERS, "Abcdef12!@#")).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "undefined")
    void withoutAConfigurationTheGuidesCharactersApply(String config) {
        assertThat(policy.parseConfig(config)).isEqualTo(PasswordRules.FORBIDDEN_CHARACTERS);
    }

    @Test
    void aRealmMayConfigureItsOwnList() {
        assertThat(policy.parseConfig("#!")).isEqualTo("#!");
    }
}

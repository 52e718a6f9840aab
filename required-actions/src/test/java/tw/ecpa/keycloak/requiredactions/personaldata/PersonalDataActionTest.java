package tw.ecpa.keycloak.requiredactions.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import tw.ecpa.keycloak.core.account.CustomAccount;

class PersonalDataActionTest {

    @Test
    void everyProblemHasItsOwnMessageKey() {
        assertThat(Arrays.stream(CustomAccount.Problem.values()).map(PersonalDataAction::messageKey))
                .doesNotHaveDuplicates()
                .allMatch(key -> key.startsWith("ecpa.customAccount."));
    }
}

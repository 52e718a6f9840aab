package tw.ecpa.keycloak.authenticators.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomAccountMapperTest {

    @Test
    void givenAChosenCustomAccountThenItIsTheClaim() {
        assertThat(CustomAccountMapper.customAccountOf("daming.wang")).contains("daming.wang");
    }

    @Test
    void givenThePlaceholderOrAnAgencyAccountThenThereIsNoClaim() {
        assertThat(CustomAccountMapper.customAccountOf("ecpa-a123456789")).isEmpty();
        assertThat(CustomAccountMapper.customAccountOf("ecpa-agency-x10000000a")).isEmpty();
        assertThat(CustomAccountMapper.customAccountOf(null)).isEmpty();
    }
}

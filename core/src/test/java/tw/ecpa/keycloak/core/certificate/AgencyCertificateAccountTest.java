package tw.ecpa.keycloak.core.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tw.ecpa.keycloak.core.account.CustomAccount;

class AgencyCertificateAccountTest {

    @Test
    void theUsernameIsTheAgencyCodeBehindAPrefixNoCustomAccountMayTake() {
        String username = AgencyCertificateAccount.usernameFor("X10000000A");

        assertThat(username).isEqualTo("ecpa-agency-x10000000a");
        assertThat(CustomAccount.isPlaceholder(username)).isTrue();
        assertThat(CustomAccount.problem(username)).contains(CustomAccount.Problem.RESERVED_PREFIX);
    }

    @Test
    void onlyTheUsernameAndTheMarkerTogetherMakeAnAgencyAccount() {
        assertThat(AgencyCertificateAccount.isOne("ecpa-agency-x10000000a", "true")).isTrue();
        assertThat(AgencyCertificateAccount.isOne("ecpa-agency-x10000000a", null)).isFalse();
        assertThat(AgencyCertificateAccount.isOne("daming.wang", "true")).isFalse();
        assertThat(AgencyCertificateAccount.isOne("ecpa-a123456789", "true")).isFalse();
        assertThat(AgencyCertificateAccount.isOne(null, "true")).isFalse();
    }

    @Test
    void anAgencyWithoutCodeHasNoAccount() {
        assertThatThrownBy(() -> AgencyCertificateAccount.usernameFor(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}

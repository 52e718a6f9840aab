package tw.ecpa.keycloak.authenticators.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginMethodAmrMapperTest {

    @Test
    void givenACertificateLoginThenTheAmrIsSmartCardAndPin() {
        assertThat(LoginMethodAmrMapper.amrOf("certificate")).containsExactly("sc", "pin");
    }

    @Test
    void givenAnAgencyCertificateLoginThenTheAmrIsSmartCardAndPinToo() {
        assertThat(LoginMethodAmrMapper.amrOf("agency-certificate")).containsExactly("sc", "pin");
    }

    @Test
    void givenAnAccountLoginThenTheAmrIsPassword() {
        assertThat(LoginMethodAmrMapper.amrOf("password")).containsExactly("pwd");
    }

    @Test
    void givenNoKnownMethodThenThereIsNoAmr() {
        assertThat(LoginMethodAmrMapper.amrOf(null)).isEmpty();
        assertThat(LoginMethodAmrMapper.amrOf("otp")).isEmpty();
    }
}

package tw.ecpa.keycloak.authenticators.binding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CertificateKeyTest {

    @Test
    void givenTwoSpellingsOfOneIssuerThenTheKeyIsTheSame() {
        assertThat(CertificateKey.of("OU=內政部憑證管理中心,O=行政院,C=TW", "4a31cc"))
                .isEqualTo(CertificateKey.of("ou=內政部憑證管理中心, o=行政院, c=tw", "004A31CC"));
    }

    @Test
    void givenAnotherIssuerOrSerialThenTheKeyDiffers() {
        CertificateKey key = CertificateKey.of("OU=內政部憑證管理中心,O=行政院,C=TW", "4a31cc");

        assertThat(CertificateKey.of("OU=政府憑證管理中心,O=行政院,C=TW", "4a31cc")).isNotEqualTo(key);
        assertThat(CertificateKey.of("OU=內政部憑證管理中心,O=行政院,C=TW", "4a31cd")).isNotEqualTo(key);
    }

    @Test
    void givenAKeyThenItIsAHashOfTheIssuerAndTheSerial() {
        assertThat(CertificateKey.of("OU=內政部憑證管理中心,O=行政院,C=TW", "4a31cc").value()).matches("[0-9a-f]{64}:4a31cc");
    }
}

package tw.ecpa.keycloak.holder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.core.certificate.CardKind;
import tw.ecpa.keycloak.core.certificate.CertificateProfile;

class CertificateSuffixHolderVerifierTest {

    private final HolderVerifier verifier = new CertificateSuffixHolderVerifier();

    @Test
    void givenTheIdEndingInTheCertificatesDigitsThenItMatches() {
        assertThat(verifier.check(HttpHolderVerifierTest.REQUEST, Map.of())).isEqualTo(HolderCheck.MATCH);
    }

    @Test
    void givenAnotherIdThenItIsAMismatch() {
        HolderCheckRequest other = new HolderCheckRequest(HttpHolderVerifierTest.CARD, NationalId.of("S223456660"));

        assertThat(verifier.check(other, Map.of())).isEqualTo(HolderCheck.MISMATCH);
    }

    @Test
    void givenAnAgencyCertificateThenItKnowsNoHolder() {
        CertificateProfile agency = new CertificateProfile(CardKind.AGENCY, "示範機關", Optional.empty(), Optional.empty(),
                Optional.of("2.16.886.101.1"), "OU=政府憑證管理中心,O=行政院,C=TW", "1");

        assertThat(verifier.check(new HolderCheckRequest(agency, NationalId.of("A123456789")), Map.of()))
                .isEqualTo(HolderCheck.UNKNOWN_CERTIFICATE);
    }
}

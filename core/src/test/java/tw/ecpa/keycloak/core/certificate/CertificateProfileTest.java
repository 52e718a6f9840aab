package tw.ecpa.keycloak.core.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CertificateProfileTest {

    @Nested
    class GivenACitizenCertificate {

        private final X509Certificate certificate = ProfileCertificates.citizen("王大明", "0000000012345678", "6789");

        @Test
        void thenItReadsTheHolderTheCardSerialAndTheLastFourIdDigits() throws Exception {
            CertificateProfile profile = CertificateProfile.of(certificate);

            assertThat(profile.kind()).isEqualTo(CardKind.CITIZEN);
            assertThat(profile.holderName()).isEqualTo("王大明");
            assertThat(profile.subjectSerialNumber()).contains("0000000012345678");
            assertThat(profile.nationalIdLastFour()).contains("6789");
            assertThat(profile.agencyOid()).isEmpty();
        }

        @Test
        void thenTheIssuerAndSerialAreInTheHolderCheckContractsForm() throws Exception {
            CertificateProfile profile = CertificateProfile.of(certificate);

            assertThat(profile.issuerDn()).isEqualTo("OU=內政部憑證管理中心,O=行政院,C=TW");
            assertThat(profile.serialHex()).isEqualTo("4a31cc6f");
        }

        @Test
        void thenOnlyTheRightDigitsMatch() throws Exception {
            CertificateProfile profile = CertificateProfile.of(certificate);

            assertThat(profile.nationalIdEndsWith("6789")).isTrue();
            assertThat(profile.nationalIdEndsWith("6788")).isFalse();
        }

        @Test
        void thenToStringLeavesOutTheName() throws Exception {
            assertThat(CertificateProfile.of(certificate).toString()).doesNotContain("王大明").contains("4a31cc6f");
        }
    }

    @Test
    void givenAnAgencyCertificateThenItReadsTheAgencyOid() throws Exception {
        CertificateProfile profile = CertificateProfile.of(ProfileCertificates.agency("行政院人事行政總處", "2.16.886.101.20003.20065"));

        assertThat(profile.kind()).isEqualTo(CardKind.AGENCY);
        assertThat(profile.holderName()).isEqualTo("行政院人事行政總處");
        assertThat(profile.agencyOid()).contains("2.16.886.101.20003.20065");
        assertThat(profile.nationalIdLastFour()).isEmpty();
        assertThat(profile.nationalIdEndsWith("6789")).isFalse();
    }

    @Test
    void givenNeitherAttributeThenItIsNoCardProfile() {
        X509Certificate plain = ProfileCertificates.issue(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "someone").build());

        assertThatThrownBy(() -> CertificateProfile.of(plain)).isInstanceOf(CertificateProfileException.class);
    }

    @Test
    void givenDigitsThatAreNotFourDigitsThenItIsRefused() {
        X509Certificate odd = ProfileCertificates.issue(
                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "王大明").build(),
                ProfileCertificates.attribute(CertificateProfile.NATIONAL_ID_LAST_FOUR_OID, new DERPrintableString("67A9")));

        assertThatThrownBy(() -> CertificateProfile.of(odd)).isInstanceOf(CertificateProfileException.class);
    }

    @Test
    void givenBothAttributesThenItIsNeitherKind() {
        X509Certificate both = ProfileCertificates.issue(
                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "x").build(),
                ProfileCertificates.attribute(CertificateProfile.NATIONAL_ID_LAST_FOUR_OID, new DERPrintableString("6789")),
                ProfileCertificates.attribute(CertificateProfile.AGENCY_OID_ATTRIBUTE, new org.bouncycastle.asn1.ASN1ObjectIdentifier("2.16.886.101.1")));

        assertThatThrownBy(() -> CertificateProfile.of(both)).isInstanceOf(CertificateProfileException.class);
    }
}

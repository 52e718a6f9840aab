package tw.ecpa.keycloak.authenticators.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

import tw.ecpa.keycloak.authenticators.certificate.TestCards;

class BoundCertificateDataTest {

    private static final TestCards PKI = new TestCards();
    private static final X509Certificate CARD = PKI.citizen().certificate();
    /** Another card of the same issuer and holder: same DN, subject and (nearly) validity, its own serial. */
    private static final X509Certificate RENEWED = PKI.citizen().certificate();

    private final BoundCertificateData data = BoundCertificateData.of(CARD, 1L);

    @Test
    void givenABindingByCertificateThenItsKeyIsTheSha256OfTheCertificate() {
        assertThat(data.certificateSha256()).isEqualTo(CardFingerprint.of(CARD).value()).matches("[0-9a-f]{64}");
    }

    @Test
    void givenABindingByCertificateThenItDescribesThatCertificateAndNoOther() {
        assertThat(data.describes(CARD)).isTrue();
        assertThat(data.describes(RENEWED)).isFalse();
    }

    private static BoundCertificateData firstForm(X509Certificate certificate, String subjectDn, long notAfter) {
        return new BoundCertificateData(certificate.getIssuerX500Principal().getName(), certificate.getSerialNumber().toString(16),
                subjectDn, certificate.getNotBefore().getTime(), notAfter, 1L, null, null);
    }

    @Test
    void givenAFirstFormBindingThenItDescribesTheCertificateWhoseIssuerSerialSubjectAndValidityItKept() {
        assertThat(firstForm(CARD, CARD.getSubjectX500Principal().getName(), CARD.getNotAfter().getTime()).describes(CARD)).isTrue();
    }

    @Test
    void givenAFirstFormBindingThenACertificateWithTheSameIssuerAndSerialButAnotherSubjectOrValidityIsNotIt() {
        assertThat(firstForm(CARD, "CN=someone else,C=TW", CARD.getNotAfter().getTime()).describes(CARD)).isFalse();
        assertThat(firstForm(CARD, CARD.getSubjectX500Principal().getName(), CARD.getNotAfter().getTime() + 1000).describes(CARD)).isFalse();
        assertThat(firstForm(RENEWED, RENEWED.getSubjectX500Principal().getName(), RENEWED.getNotAfter().getTime()).describes(CARD)).isFalse();
    }

    @Test
    void givenAFirstFormBindingThenItsFirstUseGivesItTheSha256() {
        BoundCertificateData migrated = firstForm(CARD, CARD.getSubjectX500Principal().getName(), CARD.getNotAfter().getTime())
                .withFingerprint(CardFingerprint.of(CARD));
        assertThat(migrated.certificateSha256()).isEqualTo(CardFingerprint.of(CARD).value());
        assertThat(migrated.boundAt()).isEqualTo(1L);
        assertThat(migrated.describes(CARD)).isTrue();
    }
}

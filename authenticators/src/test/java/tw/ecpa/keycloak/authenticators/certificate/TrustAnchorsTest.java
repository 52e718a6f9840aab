package tw.ecpa.keycloak.authenticators.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

/** The anchors a login checks cards against, kept parsed between logins without outliving a settings change. */
class TrustAnchorsTest {

    private static final TestCards PKI = new TestCards();

    @Test
    void givenTheSameSettingsAgainThenTheAnchorsParsedBeforeAreUsed() {
        TrustAnchors first = TrustAnchors.of(PKI.rootPem(), PKI.issuingCasPem());

        assertThat(TrustAnchors.of(PKI.rootPem(), PKI.issuingCasPem())).isSameAs(first);
    }

    @Test
    void givenTheRootChangedThenTheNextLoginChecksAgainstTheNewRoot() {
        X509Certificate card = PKI.citizen().certificate();
        assertThat(TrustAnchors.of(PKI.rootPem(), PKI.issuingCasPem()).pathFor(card)).isPresent();

        String otherRoot = TestCards.pem(PKI.untrustedRoot.certificate());
        assertThat(TrustAnchors.of(otherRoot, PKI.issuingCasPem()).pathFor(card)).as("a card of the root no longer configured").isEmpty();
        assertThat(TrustAnchors.of(PKI.rootPem(), PKI.issuingCasPem()).pathFor(card)).as("and again once it is").isPresent();
    }

    @Test
    void givenUnusableTextThenEveryLoginIsToldSoAndNothingIsKept() {
        assertThatThrownBy(() -> TrustAnchors.of("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustAnchors.of("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustAnchors.of(null, PKI.issuingCasPem())).isInstanceOf(IllegalArgumentException.class);
    }
}

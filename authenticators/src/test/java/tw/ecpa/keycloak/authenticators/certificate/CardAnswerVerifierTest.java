package tw.ecpa.keycloak.authenticators.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;

import tw.ecpa.keycloak.core.certificate.CardKind;

class CardAnswerVerifierTest {

    private static final TestCards PKI = new TestCards();
    private static final TestCards.Card DAMING = PKI.citizen();

    private final AuthenticationSessionModel session = AuthNotes.session();
    private final NonceIssuer nonces = new NonceIssuer(Duration.ofMinutes(2));
    private final Instant now = Instant.now();

    private CardAnswerVerifier verifier(RevocationStatus crl, RevocationStatus ocsp, RevocationMode mode, boolean failOpen) {
        return verifier(crl, ocsp, RevocationStatus.GOOD, mode, failOpen);
    }

    /** Sources that say {@code crl} and {@code ocsp} about a card, {@code authority} about a CA. */
    private CardAnswerVerifier verifier(RevocationStatus crl, RevocationStatus ocsp, RevocationStatus authority,
                                        RevocationMode mode, boolean failOpen) {
        return verifier(new RevocationCheck(mode, (c, i) -> isCa(c) ? authority : crl, (c, i) -> isCa(c) ? authority : ocsp), failOpen);
    }

    private static CardAnswerVerifier verifier(RevocationCheck revocation, boolean failOpen) {
        return new CardAnswerVerifier(TrustAnchors.fromPem(PKI.rootPem(), PKI.issuingCasPem()),
                new AcceptedPolicies(Set.of(TestCards.CITIZEN_POLICY), Set.of(TestCards.AGENCY_POLICY)),
                revocation, failOpen);
    }

    private static boolean isCa(X509Certificate certificate) {
        return certificate.getBasicConstraints() >= 0;
    }

    private CardAnswerVerifier verifier() {
        return verifier(RevocationStatus.GOOD, RevocationStatus.GOOD, RevocationMode.BOTH, false);
    }

    private Function<byte[], Optional<VerificationFailure>> nonceCheck(Instant at) {
        return content -> nonces.consume(session, content, at);
    }

    private Verification signAndVerify(TestCards.Card card, CardAnswerVerifier verifier) {
        String nonce = nonces.issue(session, now);
        return verifier.verify(CardAnswer.parse(card.answer(nonce)).orElseThrow(), nonceCheck(now), now);
    }

    private static VerificationFailure failure(Verification verification) {
        assertThat(verification).isInstanceOf(Verification.Failed.class);
        return ((Verification.Failed) verification).failure();
    }

    @Nested
    class GivenAValidCitizenCardSigningThisLoginsNonce {

        @Test
        void thenItIsVerifiedWithItsProfile() {
            Verification verification = signAndVerify(DAMING, verifier());

            assertThat(verification).isInstanceOf(Verification.Verified.class);
            Verification.Verified verified = (Verification.Verified) verification;
            assertThat(verified.profile().kind()).isEqualTo(CardKind.CITIZEN);
            assertThat(verified.profile().nationalIdLastFour()).contains("6789");
            assertThat(verified.certificate()).isEqualTo(DAMING.certificate());
            assertThat(verified.revocationUnchecked()).isFalse();
        }

        @Test
        void thenTheSameAnswerPostedAgainIsAReplay() {
            String nonce = nonces.issue(session, now);
            CardAnswer answer = CardAnswer.parse(DAMING.answer(nonce)).orElseThrow();
            assertThat(verifier().verify(answer, nonceCheck(now), now)).isInstanceOf(Verification.Verified.class);

            nonces.issue(session, now);
            assertThat(failure(verifier().verify(answer, nonceCheck(now), now))).isEqualTo(VerificationFailure.NONCE_REUSED);
        }

        @Test
        void thenAnAnswerAfterTheNoncesLifetimeIsTooLate() {
            String nonce = nonces.issue(session, now);
            CardAnswer answer = CardAnswer.parse(DAMING.answer(nonce)).orElseThrow();
            Instant late = now.plus(3, ChronoUnit.MINUTES);

            assertThat(failure(verifier().verify(answer, nonceCheck(late), late))).isEqualTo(VerificationFailure.NONCE_EXPIRED);
        }
    }

    @Test
    void givenAnAnswerOverAnotherSessionsNonceThenItIsForeign() {
        nonces.issue(session, now);
        CardAnswer answer = CardAnswer.parse(DAMING.answer("a-nonce-this-session-never-issued")).orElseThrow();

        assertThat(failure(verifier().verify(answer, nonceCheck(now), now))).isEqualTo(VerificationFailure.NONCE_FOREIGN);
    }

    @Test
    void givenATamperedSignatureThenTheSignatureIsInvalid() {
        String nonce = nonces.issue(session, now);
        byte[] cms = TestCards.sign(nonce.getBytes(StandardCharsets.UTF_8), DAMING.key(), DAMING.certificate());
        cms[cms.length - 10] ^= 0x01;
        String json = "{\"ret_code\":0,\"last_error\":0,\"signature\":\"" + Base64.getEncoder().encodeToString(cms) + "\"}";

        assertThat(failure(verifier().verify(CardAnswer.parse(json).orElseThrow(), nonceCheck(now), now)))
                .isEqualTo(VerificationFailure.SIGNATURE_INVALID);
    }

    @Test
    void givenASignatureByAnotherKeyThanTheIncludedCertificatesThenTheSignatureIsInvalid() {
        String nonce = nonces.issue(session, now);
        TestCards.Card other = PKI.citizen();
        byte[] cms = TestCards.sign(nonce.getBytes(StandardCharsets.UTF_8), other.key(), DAMING.certificate());
        String json = "{\"ret_code\":0,\"signature\":\"" + Base64.getEncoder().encodeToString(cms) + "\"}";

        assertThat(failure(verifier().verify(CardAnswer.parse(json).orElseThrow(), nonceCheck(now), now)))
                .isEqualTo(VerificationFailure.SIGNATURE_INVALID);
    }

    @Test
    void givenACertb64ThatIsNotTheSignersThenTheSignatureIsInvalid() {
        String nonce = nonces.issue(session, now);
        String json = DAMING.answer(nonce).replaceAll("\"certb64\":\"[^\"]+\"",
                "\"certb64\":\"" + TestCards.b64(TestCards.encoded(PKI.citizen().certificate())) + "\"");

        assertThat(failure(verifier().verify(CardAnswer.parse(json).orElseThrow(), nonceCheck(now), now)))
                .isEqualTo(VerificationFailure.SIGNATURE_INVALID);
    }

    @Test
    void givenACardOfTheMoicaLookAlikeThenTheIssuerIsUntrusted() {
        TestCards.Card lookAlike = PKI.citizen(PKI.untrustedMoica, now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS),
                KeyUsage.digitalSignature, TestCards.CITIZEN_POLICY);

        assertThat(failure(signAndVerify(lookAlike, verifier()))).isEqualTo(VerificationFailure.UNTRUSTED_ISSUER);
    }

    @Test
    void givenAnExpiredCardThenItIsExpired() {
        TestCards.Card expired = PKI.citizen(PKI.moica, now.minus(400, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS),
                KeyUsage.digitalSignature, TestCards.CITIZEN_POLICY);

        assertThat(failure(signAndVerify(expired, verifier()))).isEqualTo(VerificationFailure.EXPIRED);
    }

    @Test
    void givenACardValidOnlyFromNextYearThenItIsNotYetValid() {
        TestCards.Card early = PKI.citizen(PKI.moica, now.plus(365, ChronoUnit.DAYS), now.plus(800, ChronoUnit.DAYS),
                KeyUsage.digitalSignature, TestCards.CITIZEN_POLICY);

        assertThat(failure(signAndVerify(early, verifier()))).isEqualTo(VerificationFailure.NOT_YET_VALID);
    }

    @Test
    void givenAnEnciphermentOnlyCardThenTheKeyUsageIsWrong() {
        TestCards.Card enciphering = PKI.citizen(PKI.moica, now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS),
                KeyUsage.keyEncipherment, TestCards.CITIZEN_POLICY);

        assertThat(failure(signAndVerify(enciphering, verifier()))).isEqualTo(VerificationFailure.WRONG_KEY_USAGE);
    }

    @Test
    void givenAPolicyNotAcceptedForCitizenCardsThenThePolicyIsWrong() {
        TestCards.Card other = PKI.citizen(PKI.moica, now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS),
                KeyUsage.digitalSignature, TestCards.OTHER_POLICY);

        assertThat(failure(signAndVerify(other, verifier()))).isEqualTo(VerificationFailure.WRONG_POLICY);
    }

    @Test
    void givenTheAgencyPolicyOnACitizenCardThenThePolicyIsWrong() {
        TestCards.Card crossed = PKI.citizen(PKI.moica, now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS),
                KeyUsage.digitalSignature, TestCards.AGENCY_POLICY);

        assertThat(failure(signAndVerify(crossed, verifier()))).isEqualTo(VerificationFailure.WRONG_POLICY);
    }

    @Test
    void givenAnAgencyCardThenItIsVerifiedAsAnAgencyCard() {
        Verification verification = signAndVerify(PKI.agency("2.16.886.101.20003.20065"), verifier());

        assertThat(verification).isInstanceOf(Verification.Verified.class);
        assertThat(((Verification.Verified) verification).profile().agencyOid()).contains("2.16.886.101.20003.20065");
    }

    @Nested
    class GivenRevocation {

        @Test
        void thenACrlRevocationIsRevoked() {
            assertThat(failure(signAndVerify(DAMING, verifier(RevocationStatus.REVOKED, RevocationStatus.GOOD, RevocationMode.BOTH, false))))
                    .isEqualTo(VerificationFailure.REVOKED);
        }

        @Test
        void thenAnOcspRevocationIsRevokedEvenWhenTheCrlIsDownAndFailingOpen() {
            assertThat(failure(signAndVerify(DAMING, verifier(RevocationStatus.UNAVAILABLE, RevocationStatus.REVOKED, RevocationMode.BOTH, true))))
                    .isEqualTo(VerificationFailure.REVOKED);
        }

        @Test
        void thenASourceThatIsDownFailsClosedByDefault() {
            assertThat(failure(signAndVerify(DAMING, verifier(RevocationStatus.GOOD, RevocationStatus.UNAVAILABLE, RevocationMode.BOTH, false))))
                    .isEqualTo(VerificationFailure.REVOCATION_UNAVAILABLE);
        }

        @Test
        void thenASourceThatIsDownPassesWhenFailingOpenAndSaysSo() {
            Verification verification = signAndVerify(DAMING, verifier(RevocationStatus.UNAVAILABLE, RevocationStatus.GOOD, RevocationMode.BOTH, true));

            assertThat(verification).isInstanceOf(Verification.Verified.class);
            assertThat(((Verification.Verified) verification).revocationUnchecked()).isTrue();
        }

        @Test
        void thenARevokedIssuingCaRefusesItsCardsWithItsOwnFailureEvenWhenFailingOpen() {
            assertThat(failure(signAndVerify(DAMING, verifier(RevocationStatus.GOOD, RevocationStatus.GOOD, RevocationStatus.REVOKED,
                    RevocationMode.BOTH, true)))).isEqualTo(VerificationFailure.ISSUER_REVOKED);
            assertThat(failure(signAndVerify(DAMING, verifier(RevocationStatus.GOOD, RevocationStatus.GOOD, RevocationStatus.REVOKED,
                    RevocationMode.OCSP, false)))).isEqualTo(VerificationFailure.ISSUER_REVOKED);
        }

        @Test
        void thenAnIssuingCaThatCannotBeCheckedFailsClosedAndPassesUncheckedWhenFailingOpen() {
            assertThat(failure(signAndVerify(DAMING, verifier(RevocationStatus.GOOD, RevocationStatus.GOOD, RevocationStatus.UNAVAILABLE,
                    RevocationMode.BOTH, false)))).isEqualTo(VerificationFailure.REVOCATION_UNAVAILABLE);

            Verification open = signAndVerify(DAMING, verifier(RevocationStatus.GOOD, RevocationStatus.GOOD, RevocationStatus.UNAVAILABLE,
                    RevocationMode.BOTH, true));
            assertThat(open).isInstanceOf(Verification.Verified.class);
            assertThat(((Verification.Verified) open).revocationUnchecked()).isTrue();
        }

        @Test
        void thenTheIssuingCaIsAskedOfTheRootBeforeTheCardIsAskedOfTheCa() {
            List<String> asked = new ArrayList<>();
            RevocationSource recording = (certificate, issuer) -> {
                asked.add(name(certificate) + " of " + name(issuer));
                return RevocationStatus.GOOD;
            };

            signAndVerify(DAMING, verifier(new RevocationCheck(RevocationMode.CRL, recording, recording), false));

            assertThat(asked).containsExactly("MOICA of ROOT", "card of MOICA");
        }

        private static String name(X509Certificate certificate) {
            if (certificate.equals(PKI.root.certificate())) {
                return "ROOT";
            }
            return certificate.equals(PKI.moica.certificate()) ? "MOICA" : "card";
        }

        @Test
        void thenOnlyTheSourcesOfTheModeAreAsked() {
            assertThat(signAndVerify(DAMING, verifier(RevocationStatus.REVOKED, RevocationStatus.GOOD, RevocationMode.OCSP, false)))
                    .isInstanceOf(Verification.Verified.class);
            assertThat(signAndVerify(DAMING, verifier(RevocationStatus.GOOD, RevocationStatus.REVOKED, RevocationMode.CRL, false)))
                    .isInstanceOf(Verification.Verified.class);
            assertThat(signAndVerify(DAMING, verifier(RevocationStatus.REVOKED, RevocationStatus.REVOKED, RevocationMode.NONE, false)))
                    .isInstanceOf(Verification.Verified.class);
        }
    }

    @Test
    void givenTheChecksInOrderThenTheNonceIsCheckedBeforeTheCertificate() {
        TestCards.Card expired = PKI.citizen(PKI.untrustedMoica, now.minus(400, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS),
                KeyUsage.digitalSignature, TestCards.CITIZEN_POLICY);
        nonces.issue(session, now);
        CardAnswer answer = CardAnswer.parse(expired.answer("someone-elses-nonce")).orElseThrow();

        assertThat(failure(verifier().verify(answer, nonceCheck(now), now))).isEqualTo(VerificationFailure.NONCE_FOREIGN);
    }

    @Test
    void givenNoTrustAnchorThenTheConfigurationIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrustAnchors.fromPem("", PKI.issuingCasPem()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenTheIssuingCaConfiguredAsTheRootThenCardsOfItStillChain() {
        TrustAnchors anchors = TrustAnchors.fromPem(TestCards.pem(PKI.moica.certificate()), "");
        X509Certificate card = DAMING.certificate();

        assertThat(anchors.pathFor(card)).hasValueSatisfying(path -> assertThat(path).containsExactly(card, PKI.moica.certificate()));
    }
}

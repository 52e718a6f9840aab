package tw.ecpa.keycloak.dev.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.CRLReason;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.dev.cardworld.TestHttp;
import tw.ecpa.keycloak.dev.cardworld.http.ServiceFault;
import tw.ecpa.keycloak.dev.pki.CardVariant;
import tw.ecpa.keycloak.dev.pki.IssuedCard;
import tw.ecpa.keycloak.dev.pki.TestAuthority;

@ExtendWith(CardWorldExtension.class)
class RevocationServicesTest {

    /** What an OCSP client learns: the single answer, after checking the signature and the nonce. */
    private static SingleResp ocsp(CardWorld world, IssuedCard card) throws Exception {
        return ocspExchange(world, card.issuer().certificate(), card.serialNumber());
    }

    private static SingleResp ocspExchange(CardWorld world, X509Certificate issuer, BigInteger serial) throws Exception {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), serial);
        // extnValue is an OCTET STRING holding the DER of the nonce, itself an OCTET STRING (RFC 6960 4.4.1).
        DEROctetString nonceExtensionValue = new DEROctetString(new DEROctetString(nonce).getEncoded());
        byte[] request = new OCSPReqBuilder()
                .addRequest(id)
                .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                        nonceExtensionValue)))
                .build().getEncoded();
        HttpResponse<byte[]> response = TestHttp.sendForBytes(HttpRequest.newBuilder(world.revocation().ocspUrl())
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/ocsp-response");
        OCSPResp answer = new OCSPResp(response.body());
        assertThat(answer.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        BasicOCSPResp basic = (BasicOCSPResp) answer.getResponseObject();
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))).isTrue();
        assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue()).isEqualTo(nonceExtensionValue);
        return basic.getResponses()[0];
    }

    private static X509CRL crl(CardWorld world, TestAuthority authority) throws Exception {
        HttpResponse<byte[]> response = TestHttp.sendForBytes(HttpRequest.newBuilder(world.revocation().crlUrl(authority)).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
        crl.verify(world.pki().authority(authority).certificate().getPublicKey());
        return crl;
    }

    @Nested
    class GivenTheRevokedVariantThenBothServicesSayRevoked {

        @Test
        void theCrlListsItWithItsReason(CardWorld world) throws Exception {
            IssuedCard revoked = world.pki().card(CardVariant.REVOKED);

            X509CRL crl = crl(world, TestAuthority.CITIZEN_CA);

            assertThat(crl.isRevoked(revoked.certificate())).isTrue();
            assertThat(crl.getRevokedCertificate(revoked.serialNumber()).getRevocationReason())
                    .isEqualTo(CRLReason.KEY_COMPROMISE);
            assertThat(crl.getNextUpdate()).isAfter(crl.getThisUpdate());
            assertThat(crl.isRevoked(world.pki().card(CardVariant.VALID).certificate())).isFalse();
        }

        @Test
        void ocspAnswersRevokedForItAndGoodForAValidCard(CardWorld world) throws Exception {
            SingleResp revoked = ocsp(world, world.pki().card(CardVariant.REVOKED));
            SingleResp good = ocsp(world, world.pki().card(CardVariant.VALID));

            assertThat(revoked.getCertStatus()).isInstanceOf(RevokedStatus.class);
            assertThat(((RevokedStatus) revoked.getCertStatus()).getRevocationReason()).isEqualTo(1);
            assertThat(good.getCertStatus()).isNull();
        }

        @Test
        void theResponderCountsTheRequestsItAnsweredUntilAReset(CardWorld world) throws Exception {
            ocsp(world, world.pki().card(CardVariant.VALID));
            ocsp(world, world.pki().card(CardVariant.REVOKED));

            assertThat(world.revocation().ocspRequestsServed()).isEqualTo(2);
            world.revocation().reset();
            assertThat(world.revocation().ocspRequestsServed()).isZero();
        }

        @Test
        void ocspAnswersUnknownForASerialTheCaNeverIssued(CardWorld world) throws Exception {
            SingleResp unknown = ocspExchange(world, world.pki().authority(TestAuthority.CITIZEN_CA).certificate(),
                    BigInteger.valueOf(42));

            assertThat(unknown.getCertStatus()).isInstanceOf(UnknownStatus.class);
        }

        @Test
        void theJdkOwnOcspCheckerAgrees(CardWorld world) throws Exception {
            assertThatThrownBy(() -> validateWithOcsp(world, world.pki().card(CardVariant.REVOKED)))
                    .isInstanceOfSatisfying(CertPathValidatorException.class,
                            e -> assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.REVOKED));
            validateWithOcsp(world, world.pki().card(CardVariant.VALID));
        }

        @Test
        void theCaCertificatesAreServedForAia(CardWorld world) throws Exception {
            HttpResponse<byte[]> response = TestHttp.sendForBytes(HttpRequest.newBuilder(
                    URI.create(world.revocationUrl() + "/ca/test-moica.crt")).GET().build());

            assertThat(response.body()).isEqualTo(world.pki().authority(TestAuthority.CITIZEN_CA).certificate().getEncoded());
        }

        private void validateWithOcsp(CardWorld world, IssuedCard card) throws Exception {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
            checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY, PKIXRevocationChecker.Option.NO_FALLBACK));
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(world.pki().trustAnchor(), null)));
            parameters.addCertPathChecker(checker);
            validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(
                    List.of(card.certificate(), card.issuer().certificate())), parameters);
        }
    }

    @Nested
    class GivenTheRevokedIssuingCaThenTheRootSaysRevoked {

        @Test
        void inTheRootsCrl(CardWorld world) throws Exception {
            X509Certificate revokedCa = world.pki().authority(TestAuthority.REVOKED_CITIZEN_CA).certificate();

            X509CRL rootCrl = crl(world, TestAuthority.ROOT);

            assertThat(rootCrl.isRevoked(revokedCa)).isTrue();
            assertThat(rootCrl.getRevokedCertificate(revokedCa.getSerialNumber()).getRevocationReason()).isEqualTo(CRLReason.CA_COMPROMISE);
            assertThat(rootCrl.isRevoked(world.pki().authority(TestAuthority.CITIZEN_CA).certificate())).isFalse();
        }

        @Test
        void inTheRootsOcspAnswersWhichTheIssuingCasNameAsTheirResponder(CardWorld world) throws Exception {
            X509Certificate root = world.pki().trustAnchor();
            X509Certificate revokedCa = world.pki().authority(TestAuthority.REVOKED_CITIZEN_CA).certificate();
            X509Certificate moica = world.pki().authority(TestAuthority.CITIZEN_CA).certificate();

            assertThat(ocspExchange(world, root, revokedCa.getSerialNumber()).getCertStatus()).isInstanceOf(RevokedStatus.class);
            assertThat(ocspExchange(world, root, moica.getSerialNumber()).getCertStatus()).isNull();
            assertThat(moica.getExtensionValue(Extension.authorityInfoAccess.getId())).isNotNull();
        }

        @Test
        void itsCardsAreNotRevokedThemselves(CardWorld world) throws Exception {
            IssuedCard card = world.pki().card(CardVariant.ISSUER_REVOKED);

            assertThat(ocsp(world, card).getCertStatus()).isNull();
            assertThat(crl(world, TestAuthority.REVOKED_CITIZEN_CA).isRevoked(card.certificate())).isFalse();
        }
    }

    @Nested
    class GivenAShorterOcspAnswerLifetimeThenTheNextUpdateSaysSo {

        @Test
        void zeroMakesEveryAnswerDueAtOnceUntilAReset(CardWorld world) throws Exception {
            IssuedCard card = world.pki().card(CardVariant.VALID);
            world.revocation().setOcspAnswerLifetime(Duration.ZERO);

            SingleResp due = ocsp(world, card);
            assertThat(due.getNextUpdate()).isEqualTo(due.getThisUpdate());

            world.revocation().reset();
            SingleResp normal = ocsp(world, card);
            assertThat(Duration.between(normal.getThisUpdate().toInstant(), normal.getNextUpdate().toInstant()))
                    .isEqualTo(Duration.ofMinutes(10));
        }
    }

    @Nested
    class GivenARevocationAtRunTimeThenItShowsAtOnce {

        @Test
        void inOcspAndInTheNextCrl(CardWorld world) throws Exception {
            IssuedCard card = world.pki().card("citizen-xiaomei.wang");
            assertThat(ocsp(world, card).getCertStatus()).isNull();
            assertThat(crl(world, TestAuthority.CITIZEN_CA).isRevoked(card.certificate())).isFalse();

            world.revocation().revoke(card.id(), RevocationReason.AFFILIATION_CHANGED);

            assertThat(ocsp(world, card).getCertStatus()).isInstanceOf(RevokedStatus.class);
            X509CRL next = crl(world, TestAuthority.CITIZEN_CA);
            assertThat(next.isRevoked(card.certificate())).isTrue();
            assertThat(next.getRevokedCertificate(card.serialNumber()).getRevocationReason())
                    .isEqualTo(CRLReason.AFFILIATION_CHANGED);
        }

        @Test
        void throughTheControlApiAsWell(CardWorld world) throws Exception {
            IssuedCard agencyCard = world.pki().card("agency-x10010000a");

            HttpResponse<String> answer = TestHttp.postJson(URI.create(world.revocationUrl() + "/control/revoke"),
                    "{\"cardId\":\"agency-x10010000a\",\"reason\":\"cessationOfOperation\"}");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(TestHttp.json(answer).path("revoked").findValuesAsText("cardId")).contains(agencyCard.id());
            assertThat(ocsp(world, agencyCard).getCertStatus()).isInstanceOf(RevokedStatus.class);
            assertThat(crl(world, TestAuthority.AGENCY_CA).isRevoked(agencyCard.certificate())).isTrue();
        }

        @Test
        void resetForgetsIt(CardWorld world) throws Exception {
            IssuedCard card = world.pki().card("citizen-xiaomei.wang");
            world.revocation().revoke(card.id());

            world.reset();

            assertThat(ocsp(world, card).getCertStatus()).isNull();
            assertThat(world.revocation().status(world.pki().card(CardVariant.REVOKED).id()).state())
                    .isEqualTo(CertificateStatus.State.REVOKED);
        }
    }

    @Nested
    class GivenAFaultThenClientsCannotGetAnAnswer {

        @Test
        void downAnswers503(CardWorld world) throws Exception {
            world.revocation().setFault(ServiceFault.down());

            HttpResponse<byte[]> crl = TestHttp.sendForBytes(HttpRequest.newBuilder(world.revocation().crlUrl(TestAuthority.CITIZEN_CA)).GET().build());
            HttpResponse<byte[]> ocsp = TestHttp.sendForBytes(HttpRequest.newBuilder(world.revocation().ocspUrl())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x30, 0x00})).build());

            assertThat(crl.statusCode()).isEqualTo(503);
            assertThat(ocsp.statusCode()).isEqualTo(503);
        }

        @Test
        void refuseClosesThePortUntilNormal(CardWorld world) throws Exception {
            world.revocation().setFault(ServiceFault.refuse());

            assertThatThrownBy(() -> TestHttp.sendForBytes(HttpRequest.newBuilder(world.revocation().crlUrl(TestAuthority.CITIZEN_CA)).GET().build()))
                    .isInstanceOf(ConnectException.class);

            world.revocation().setFault(ServiceFault.normal());
            assertThat(crl(world, TestAuthority.CITIZEN_CA)).isNotNull();
        }

        @Test
        void theControlApiRefusesForAWhile(CardWorld world) throws Exception {
            HttpResponse<String> answer = TestHttp.postJson(URI.create(world.revocationUrl() + "/control/fault"),
                    "{\"mode\":\"REFUSE\",\"seconds\":1}");
            assertThat(answer.statusCode()).isEqualTo(200);

            assertThatThrownBy(() -> TestHttp.get(URI.create(world.revocationUrl() + "/control/state")))
                    .hasCauseInstanceOf(ConnectException.class);
            Thread.sleep(Duration.ofMillis(1_500).toMillis());
            assertThat(TestHttp.get(URI.create(world.revocationUrl() + "/control/state")).statusCode()).isEqualTo(200);
        }

        @Test
        void malformedOcspRequestsGetAMalformedRequestStatus(CardWorld world) throws Exception {
            HttpResponse<byte[]> post = TestHttp.sendForBytes(HttpRequest.newBuilder(world.revocation().ocspUrl())
                    .POST(HttpRequest.BodyPublishers.ofByteArray("garbage".getBytes())).build());
            HttpResponse<byte[]> get = TestHttp.sendForBytes(HttpRequest.newBuilder(
                    URI.create(world.revocation().ocspUrl() + "/" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))).GET().build());

            assertThat(new OCSPResp(post.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
            assertThat(new OCSPResp(get.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        }
    }
}

package tw.ecpa.keycloak.dev.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;

@ExtendWith(CardWorldExtension.class)
class TestPkiTest {

    private static final X500Principal MOICA = new X500Principal("OU=內政部憑證管理中心,O=行政院,C=TW");
    private static final X500Principal GCA = new X500Principal("OU=政府憑證管理中心,O=行政院,C=TW");

    private static Extension extension(X509Certificate certificate, ASN1ObjectIdentifier oid) throws Exception {
        return new JcaX509CertificateHolder(certificate).getExtension(oid);
    }

    private static Attribute directoryAttribute(X509Certificate certificate) throws Exception {
        ASN1Sequence attributes = ASN1Sequence.getInstance(extension(certificate, Extension.subjectDirectoryAttributes).getParsedValue());
        assertThat(attributes.size()).isEqualTo(1);
        return Attribute.getInstance(attributes.getObjectAt(0));
    }

    private static String policy(X509Certificate certificate) throws Exception {
        return CertificatePolicies.getInstance(extension(certificate, Extension.certificatePolicies).getParsedValue())
                .getPolicyInformation()[0].getPolicyIdentifier().getId();
    }

    private static void validate(X509Certificate certificate, X509Certificate issuer, X509Certificate root) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate, issuer)), parameters);
    }

    @Nested
    class GivenTheAuthoritiesThenTheyLookLikeProductionButSayTest {

        @Test
        void theIssuingCasCarryMoicasAndGcasExactDns(CardWorld world) {
            TestPki pki = world.pki();

            assertThat(pki.authority(TestAuthority.CITIZEN_CA).subject()).isEqualTo(MOICA);
            assertThat(pki.authority(TestAuthority.AGENCY_CA).subject()).isEqualTo(GCA);
            assertThat(pki.authority(TestAuthority.UNTRUSTED_CITIZEN_CA).subject()).isEqualTo(MOICA);
            assertThat(pki.authority(TestAuthority.CITIZEN_CA).subject().getName())
                    .isEqualTo("OU=內政部憑證管理中心,O=行政院,C=TW");
        }

        @Test
        void theRootSaysTestAndIsTheTrustAnchorFile(CardWorld world) throws Exception {
            TestPki pki = world.pki();

            assertThat(pki.trustAnchor().getSubjectX500Principal().getName())
                    .isEqualTo("CN=TEST Government Root Certification Authority,O=ECPA Keycloak TEST,C=TW");
            assertThat(Files.readString(pki.trustAnchorFile())).isEqualTo(pki.trustAnchorPem());
            assertThat(Files.readString(pki.issuingCasFile())).contains("BEGIN CERTIFICATE");
            pki.trustAnchor().verify(pki.trustAnchor().getPublicKey());
        }
    }

    @Nested
    class GivenACitizenCardThenItFollowsTheMoicaProfile {

        @Test
        void subjectIsCountryNameAndSixteenDigitSerialNumber(CardWorld world) {
            IssuedCard card = world.pki().card("citizen-daming.wang");

            RDN[] rdns = X500Name.getInstance(card.certificate().getSubjectX500Principal().getEncoded()).getRDNs();

            assertThat(rdns).extracting(rdn -> rdn.getFirst().getType())
                    .containsExactly(BCStyle.C, BCStyle.CN, BCStyle.SERIALNUMBER);
            assertThat(IETFUtils.valueToString(rdns[1].getFirst().getValue())).isEqualTo("王大明");
            assertThat(IETFUtils.valueToString(rdns[2].getFirst().getValue())).matches("\\d{16}");
            assertThat(card.certificate().getIssuerX500Principal()).isEqualTo(MOICA);
        }

        @Test
        void theLastFourIdDigitsAreASubjectDirectoryAttribute(CardWorld world) throws Exception {
            Attribute attribute = directoryAttribute(world.pki().card("citizen-daming.wang").certificate());

            assertThat(attribute.getAttrType().getId()).isEqualTo("2.16.886.1.100.2.51");
            assertThat(attribute.getAttrValues().getObjectAt(0)).isInstanceOf(ASN1PrintableString.class);
            assertThat(attribute.getAttrValues().getObjectAt(0).toString()).isEqualTo("6789");
        }

        @Test
        void digitalSignatureOnlyCriticalAndTheTestPolicy(CardWorld world) throws Exception {
            X509Certificate certificate = world.pki().card("citizen-daming.wang").certificate();

            assertThat(certificate.getKeyUsage()).startsWith(true, false, false, false, false, false, false);
            assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
            assertThat(policy(certificate)).isEqualTo(TestPkiOids.CITIZEN_TEST_POLICY);
        }

        @Test
        void itPointsAtTheLocalCrlAndOcsp(CardWorld world) throws Exception {
            X509Certificate certificate = world.pki().card("citizen-daming.wang").certificate();
            URI base = world.revocationUrl();

            CRLDistPoint points = CRLDistPoint.getInstance(extension(certificate, Extension.cRLDistributionPoints).getParsedValue());
            GeneralName crl = GeneralNames.getInstance(points.getDistributionPoints()[0].getDistributionPoint().getName()).getNames()[0];
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                    extension(certificate, Extension.authorityInfoAccess).getParsedValue());
            Map<ASN1ObjectIdentifier, String> access = Arrays.stream(aia.getAccessDescriptions()).collect(
                    Collectors.toMap(AccessDescription::getAccessMethod, d -> d.getAccessLocation().getName().toString()));

            assertThat(crl.getName().toString()).isEqualTo(base + "/crl/test-moica.crl");
            assertThat(access).containsEntry(AccessDescription.id_ad_ocsp, base + "/ocsp")
                    .containsEntry(AccessDescription.id_ad_caIssuers, base + "/ca/test-moica.crt");
        }

        @Test
        void itChainsToTheTestRoot(CardWorld world) throws Exception {
            IssuedCard card = world.pki().card("citizen-daming.wang");

            validate(card.certificate(), card.issuer().certificate(), world.pki().trustAnchor());
        }
    }

    @Nested
    class GivenAnAgencyCardThenItCarriesTheAgencyOid {

        @Test
        void inItsSubjectDirectoryAttributes(CardWorld world) throws Exception {
            IssuedCard card = world.pki().card("agency-x10010000a");

            Attribute attribute = directoryAttribute(card.certificate());

            assertThat(attribute.getAttrType().getId()).isEqualTo("2.16.886.1.100.2.102");
            assertThat(attribute.getAttrValues().getObjectAt(0)).isEqualTo(new ASN1ObjectIdentifier("2.16.886.101.99999.10010"));
            assertThat(card.certificate().getIssuerX500Principal()).isEqualTo(GCA);
            assertThat(card.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=示範部第一署,C=TW");
            assertThat(policy(card.certificate())).isEqualTo(TestPkiOids.AGENCY_TEST_POLICY);
        }

        @Test
        void theUnknownAgencyCardsOidBelongsToNoDemoAgency(CardWorld world) throws Exception {
            Attribute attribute = directoryAttribute(world.pki().card("agency-unknown").certificate());

            assertThat(attribute.getAttrValues().getObjectAt(0)).isEqualTo(new ASN1ObjectIdentifier(DemoCards.UNKNOWN_AGENCY_OID));
        }
    }

    @Nested
    class GivenTheVariantsThenEachFailsItsOwnCheck {

        @Test
        void expiredAndNotYetValid(CardWorld world) {
            assertThatThrownBy(() -> world.pki().card(CardVariant.EXPIRED).certificate().checkValidity())
                    .isInstanceOf(CertificateExpiredException.class);
            assertThatThrownBy(() -> world.pki().card(CardVariant.NOT_YET_VALID).certificate().checkValidity())
                    .isInstanceOf(CertificateNotYetValidException.class);
        }

        @Test
        void expiringSoonIsValidAndEndsWithinTheThirtyDayNotice(CardWorld world) throws Exception {
            X509Certificate expiring = world.pki().card(CardVariant.EXPIRING_SOON).certificate();

            expiring.checkValidity();
            assertThat(expiring.getNotAfter().toInstant())
                    .isAfter(Instant.now().plus(Duration.ofDays(7)))
                    .isBefore(Instant.now().plus(Duration.ofDays(30)));
        }

        @Test
        void wrongKeyUsageAndWrongPolicy(CardWorld world) throws Exception {
            X509Certificate keyEncipherment = world.pki().card(CardVariant.WRONG_KEY_USAGE).certificate();

            assertThat(keyEncipherment.getKeyUsage()[0]).isFalse();
            assertThat(keyEncipherment.getKeyUsage()[2]).isTrue();
            assertThat(policy(world.pki().card(CardVariant.WRONG_POLICY).certificate()))
                    .isEqualTo(TestPkiOids.UNRECOGNISED_TEST_POLICY);
        }

        @Test
        void theUntrustedIssuerCopiesMoicasNameButNotItsChain(CardWorld world) throws Exception {
            IssuedCard untrusted = world.pki().card(CardVariant.UNTRUSTED_ISSUER);

            assertThat(untrusted.certificate().getIssuerX500Principal()).isEqualTo(MOICA);
            assertThatThrownBy(() -> validate(untrusted.certificate(), untrusted.issuer().certificate(), world.pki().trustAnchor()))
                    .isInstanceOf(CertPathValidatorException.class);
            validate(untrusted.certificate(), untrusted.issuer().certificate(),
                    world.pki().authority(TestAuthority.UNTRUSTED_ROOT).certificate());
        }

        @Test
        void theIssuerRevokedVariantChainsToTheTestRootThroughASecondMoica(CardWorld world) throws Exception {
            IssuedCard card = world.pki().card(CardVariant.ISSUER_REVOKED);
            X509Certificate revokedCa = world.pki().authority(TestAuthority.REVOKED_CITIZEN_CA).certificate();

            assertThat(card.issuer().role()).isEqualTo(TestAuthority.REVOKED_CITIZEN_CA);
            assertThat(revokedCa.getSubjectX500Principal()).isEqualTo(MOICA);
            assertThat(revokedCa).isNotEqualTo(world.pki().authority(TestAuthority.CITIZEN_CA).certificate());
            validate(card.certificate(), revokedCa, world.pki().trustAnchor());
            assertThat(Files.readString(world.pki().issuingCasFile())).contains(Pem.certificate(revokedCa));
        }

        @Test
        void everyCardOpensWithItsPinAndNoOther(CardWorld world) {
            for (IssuedCard card : world.pki().cards()) {
                assertThat(card.unlock(card.card().pin().toCharArray())).as(card.id()).isPresent();
                assertThat(card.unlock("99999999".toCharArray())).as(card.id()).isEmpty();
            }
        }

        @Test
        void aCardsKeyBelongsToItsCertificate(CardWorld world) throws Exception {
            IssuedCard card = world.pki().card("agency-unknown");
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(card.privateKey());
            signer.update(new byte[] {1, 2, 3});
            byte[] signature = signer.sign();

            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(card.certificate());
            verifier.update(new byte[] {1, 2, 3});
            assertThat(verifier.verify(signature)).isTrue();
        }
    }

    @Nested
    class GivenTheDirectoryThenThePkiIsReusedOrRemade {

        @Test
        void theSameDirectoryAndUrlReuseTheStoredPki(CardWorld world) throws Exception {
            TestPki again = TestPki.loadOrCreate(world.pki().directory(), world.pki().revocationBaseUrl());

            assertThat(again.trustAnchor()).isEqualTo(world.pki().trustAnchor());
            assertThat(again.card("citizen-daming.wang").certificate()).isEqualTo(world.pki().card("citizen-daming.wang").certificate());
        }

        @Test
        void anotherUrlRemakesItWithTheSameNamesAndSerialsButNewKeys(CardWorld world, @TempDir Path directory) {
            TestPki other = TestPki.loadOrCreate(directory, URI.create("http://127.0.0.1:1"));

            Map<String, X509Certificate> mine = certificatesById(world.pki());
            Map<String, X509Certificate> theirs = certificatesById(other);
            assertThat(theirs.keySet()).isEqualTo(mine.keySet());
            mine.forEach((id, certificate) -> {
                X509Certificate remade = theirs.get(id);
                assertThat(remade.getSerialNumber()).as(id).isEqualTo(certificate.getSerialNumber());
                assertThat(remade.getSubjectX500Principal()).as(id).isEqualTo(certificate.getSubjectX500Principal());
                assertThat(remade.getIssuerX500Principal()).as(id).isEqualTo(certificate.getIssuerX500Principal());
                assertThat(remade.getPublicKey()).as(id).isNotEqualTo(certificate.getPublicKey());
            });
            assertThat(other.trustAnchor().getSerialNumber()).isEqualTo(world.pki().trustAnchor().getSerialNumber());
        }

        private Map<String, X509Certificate> certificatesById(TestPki pki) {
            return pki.cards().stream().collect(Collectors.toMap(IssuedCard::id, IssuedCard::certificate));
        }
    }

    @Nested
    class GivenTheCatalogueThenEveryoneHasTheirCards {

        @Test
        void cardIdsAndDescriptionsNeverShowAFullNationalIdOrPin(CardWorld world) {
            for (DemoCard card : world.catalogue().all()) {
                card.nationalId().ifPresent(id -> {
                    assertThat(card.id()).doesNotContain(id.value());
                    assertThat(card.toString()).doesNotContain(id.value()).contains(id.masked());
                });
                assertThat(card.toString()).doesNotContain(card.pin());
            }
        }

        @Test
        void theCatalogueHasACardForEveryHolderAgencyAndVariant(CardWorld world) {
            DemoCards catalogue = world.catalogue();
            Map<String, DemoCard> byId = catalogue.all().stream().collect(Collectors.toMap(DemoCard::id, Function.identity()));

            assertThat(byId).containsKeys("citizen-daming.wang", "citizen-wenxiong.zheng", "citizen-anna.smith",
                    "citizen-no-record", "agency-x10000000a", "agency-x10010000a", "agency-x10020000a", "agency-x10021000a",
                    "agency-unknown");
            assertThat(catalogue.all()).filteredOn(card -> card.id().startsWith("variant-")).hasSize(CardVariant.values().length);
            assertThat(byId.get("citizen-wenxiong.zheng").note()).contains("departed");
            assertThat(byId.get("citizen-anna.smith").holderName()).isEqualTo("Anna Smith");
            assertThat(byId.get("citizen-anna.smith").note()).contains("resident number");
            assertThat(catalogue.ownCardOf(NationalId.of("A123456789")))
                    .map(DemoCard::id).contains("citizen-daming.wang");
            assertThat(catalogue.defaultCard().id()).isEqualTo("citizen-daming.wang");
        }
    }
}

package tw.ecpa.keycloak.dev.pki;

import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Date;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import tw.ecpa.keycloak.core.NationalId;

/**
 * Writes the test PKI's certificates: CA certificates, and card certificates in the MOICA and GCA
 * profiles (see {@link TestPkiOids}), each pointing at the local CRL and OCSP services.
 */
final class CertificateIssuer {

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private final URI revocationBaseUrl;
    private final JcaX509ExtensionUtils extensionUtils;

    CertificateIssuer(URI revocationBaseUrl) {
        this.revocationBaseUrl = revocationBaseUrl;
        try {
            this.extensionUtils = new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-1 for key identifiers", e);
        }
    }

    /** A root (self-signed, when {@code parent} is null) or an issuing CA (path length 0). */
    X509Certificate authority(TestAuthority role, KeyPair keys, CertificateAuthority parent, Validity validity)
            throws GeneralSecurityException {
        PublicKey publicKey = keys.getPublic();
        X500Name issuerName = parent == null ? role.subject() : nameOf(parent.certificate());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                DeterministicNumbers.certificateSerial("authority/" + role.authorityName()),
                Date.from(validity.notBefore()), Date.from(validity.notAfter()), role.subject(), publicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true,
                    parent == null ? new BasicConstraints(true) : new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensionUtils.createSubjectKeyIdentifier(publicKey));
            if (parent != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensionUtils.createAuthorityKeyIdentifier(parent.certificate()));
                builder.addExtension(Extension.cRLDistributionPoints, false,
                        distributionPoint(RevocationEndpoints.crl(revocationBaseUrl, parent.role())));
                builder.addExtension(Extension.authorityInfoAccess, false, authorityInformation(parent.role()));
            }
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot encode an extension of " + role.authorityName(), e);
        }
        return sign(builder, parent == null ? keys.getPrivate() : parent.privateKey());
    }

    /** A card certificate as the card's catalogue entry and variant ask for. */
    X509Certificate card(DemoCard card, PublicKey publicKey, CertificateAuthority issuer, Validity validity)
            throws GeneralSecurityException {
        BigInteger serial = DeterministicNumbers.certificateSerial("card/" + card.id());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(nameOf(issuer.certificate()), serial,
                Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject(card), publicKey);
        boolean citizen = card.kind() == CardKind.CITIZEN;
        int keyUsage = card.variant() == CardVariant.WRONG_KEY_USAGE ? KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
        try {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            builder.addExtension(Extension.certificatePolicies, false,
                    new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(policy(card)))));
            builder.addExtension(Extension.subjectDirectoryAttributes, false,
                    citizen ? nationalIdSuffix(card.nationalId().orElseThrow()) : agencyAttribute(card.agencyOid().orElseThrow()));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensionUtils.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensionUtils.createAuthorityKeyIdentifier(issuer.certificate()));
            builder.addExtension(Extension.cRLDistributionPoints, false,
                    distributionPoint(RevocationEndpoints.crl(revocationBaseUrl, issuer.role())));
            builder.addExtension(Extension.authorityInfoAccess, false, authorityInformation(issuer.role()));
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot encode an extension of " + card.id(), e);
        }
        return sign(builder, issuer.privateKey());
    }

    /** Citizen: {@code C=TW, CN=<name>, serialNumber=<16 digits>}; agency: {@code C=TW, CN=<agency name>}. */
    private static X500Name subject(DemoCard card) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "TW")
                .addRDN(BCStyle.CN, card.holderName());
        if (card.kind() == CardKind.CITIZEN) {
            name.addRDN(BCStyle.SERIALNUMBER, card.subjectSerialNumber());
        }
        return name.build();
    }

    private static String policy(DemoCard card) {
        if (card.variant() == CardVariant.WRONG_POLICY) {
            return TestPkiOids.UNRECOGNISED_TEST_POLICY;
        }
        return card.kind() == CardKind.CITIZEN ? TestPkiOids.CITIZEN_TEST_POLICY : TestPkiOids.AGENCY_TEST_POLICY;
    }

    /** SubjectDirectoryAttributes ::= SEQUENCE OF Attribute, here one attribute with one value. */
    private static DERSequence nationalIdSuffix(NationalId nationalId) {
        return directoryAttributes(new Attribute(new ASN1ObjectIdentifier(TestPkiOids.NATIONAL_ID_LAST_FOUR),
                new DERSet(new DERPrintableString(nationalId.lastFourDigits()))));
    }

    private static DERSequence agencyAttribute(String agencyOid) {
        return directoryAttributes(new Attribute(new ASN1ObjectIdentifier(TestPkiOids.AGENCY_OID),
                new DERSet(new ASN1ObjectIdentifier(agencyOid))));
    }

    private static DERSequence directoryAttributes(Attribute attribute) {
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(attribute);
        return new DERSequence(attributes);
    }

    /** The local OCSP responder and the issuer's certificate: cards and issuing CAs alike are checked there. */
    private AuthorityInformationAccess authorityInformation(TestAuthority issuer) {
        return new AuthorityInformationAccess(new AccessDescription[] {
            new AccessDescription(AccessDescription.id_ad_ocsp, uri(RevocationEndpoints.ocsp(revocationBaseUrl))),
            new AccessDescription(AccessDescription.id_ad_caIssuers, uri(RevocationEndpoints.authorityCertificate(revocationBaseUrl, issuer)))
        });
    }

    private static CRLDistPoint distributionPoint(URI crl) {
        return new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(new GeneralNames(uri(crl))), null, null)
        });
    }

    private static GeneralName uri(URI uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, uri.toString());
    }

    /** The issuer's subject exactly as encoded in its certificate, so that names match byte for byte. */
    private static X500Name nameOf(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
    }
}

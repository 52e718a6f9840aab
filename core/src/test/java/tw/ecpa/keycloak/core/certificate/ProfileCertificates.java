package tw.ecpa.keycloak.core.certificate;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectDirectoryAttributes;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed certificates shaped like MOICA's and GCA's profiles; only their fields matter here. */
final class ProfileCertificates {

    static final X500Name MOICA = new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, "TW").addRDN(BCStyle.O, "行政院").addRDN(BCStyle.OU, "內政部憑證管理中心").build();

    private static final KeyPair KEYS = keys();

    private ProfileCertificates() {
    }

    static X509Certificate citizen(String name, String subjectSerial, String lastFour) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "TW").addRDN(BCStyle.CN, name).addRDN(BCStyle.SERIALNUMBER, subjectSerial).build();
        return issue(subject, new Attribute(new ASN1ObjectIdentifier(CertificateProfile.NATIONAL_ID_LAST_FOUR_OID),
                new DERSet(new DERPrintableString(lastFour))));
    }

    static X509Certificate agency(String name, String agencyOid) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "TW").addRDN(BCStyle.CN, name).build();
        return issue(subject, new Attribute(new ASN1ObjectIdentifier(CertificateProfile.AGENCY_OID_ATTRIBUTE),
                new DERSet(new ASN1ObjectIdentifier(agencyOid))));
    }

    static X509Certificate issue(X500Name subject, Attribute... attributes) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(MOICA, BigInteger.valueOf(0x4a31cc6fL),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), subject, KEYS.getPublic());
            if (attributes.length > 0) {
                java.util.Vector<Attribute> list = new java.util.Vector<>(java.util.List.of(attributes));
                builder.addExtension(Extension.subjectDirectoryAttributes, false, new SubjectDirectoryAttributes(list));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(KEYS.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Attribute attribute(String oid, ASN1Encodable value) {
        return new Attribute(new ASN1ObjectIdentifier(oid), new DERSet(value));
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

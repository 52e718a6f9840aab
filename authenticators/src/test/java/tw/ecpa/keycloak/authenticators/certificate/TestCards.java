package tw.ecpa.keycloak.authenticators.certificate;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Vector;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectDirectoryAttributes;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A small PKI in the card world's shape (TEST root → MOICA/GCA issuing CAs → cards, and an untrusted
 * root with a MOICA look-alike), made in the test. The authenticators module cannot depend on
 * keycloak-dev (its launcher profile depends on the bundle, which contains this module), so the unit
 * tests build the same profiles here; the ITs use the card world itself. Public for the binding tests.
 */
public final class TestCards {

    static final String CITIZEN_POLICY = "2.16.886.1.100.99.1";
    static final String AGENCY_POLICY = "2.16.886.1.100.99.2";
    static final String OTHER_POLICY = "2.16.886.1.100.99.9";
    static final X500Name MOICA = dn("C=TW", "O=行政院", "OU=內政部憑證管理中心");
    static final X500Name GCA = dn("C=TW", "O=行政院", "OU=政府憑證管理中心");

    private static final AtomicLong SERIALS = new AtomicLong(0x4a31cc6f60b4L);

    record Authority(X509Certificate certificate, PrivateKey key) {
    }

    public record Card(X509Certificate certificate, PrivateKey key) {

        /** The component's answer to MakeSignature over {@code tbs}, as JSON text. */
        String answer(String tbs) {
            return "{\"func\":\"sign\",\"ret_code\":0,\"last_error\":0,\"signature\":\"" + b64(sign(tbs.getBytes(java.nio.charset.StandardCharsets.UTF_8), key, certificate))
                    + "\",\"certb64\":\"" + b64(encoded(certificate)) + "\",\"cardSN\":\"TP03000000000001\"}";
        }
    }

    final Authority root = authority(dn("C=TW", "O=ECPA Keycloak TEST", "CN=TEST Government Root Certification Authority"), null);
    final Authority moica = authority(MOICA, root);
    final Authority gca = authority(GCA, root);
    final Authority untrustedRoot = authority(dn("C=TW", "O=ECPA Keycloak TEST", "CN=TEST Untrusted Root Certification Authority"), null);
    final Authority untrustedMoica = authority(MOICA, untrustedRoot);

    String rootPem() {
        return pem(root.certificate());
    }

    String issuingCasPem() {
        return pem(moica.certificate()) + pem(gca.certificate());
    }

    public Card citizen() {
        return citizen(moica, Instant.now().minus(30, ChronoUnit.DAYS), Instant.now().plus(365, ChronoUnit.DAYS), KeyUsage.digitalSignature, CITIZEN_POLICY);
    }

    Card citizen(Authority issuer, Instant notBefore, Instant notAfter, int keyUsage, String policy) {
        X500Name subject = dn("C=TW", "CN=王大明", "SERIALNUMBER=0000000012345678");
        Attribute lastFour = new Attribute(new ASN1ObjectIdentifier("2.16.886.1.100.2.51"), new DERSet(new DERPrintableString("6789")));
        return card(issuer, subject, lastFour, notBefore, notAfter, keyUsage, policy);
    }

    Card agency(String agencyOid) {
        Attribute oid = new Attribute(new ASN1ObjectIdentifier("2.16.886.1.100.2.102"), new DERSet(new ASN1ObjectIdentifier(agencyOid)));
        return card(gca, dn("C=TW", "CN=示範機關"), oid, Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(365, ChronoUnit.DAYS),
                KeyUsage.digitalSignature, AGENCY_POLICY);
    }

    private static Card card(Authority issuer, X500Name subject, Attribute attribute, Instant notBefore, Instant notAfter, int keyUsage, String policy) {
        try {
            KeyPair keys = keys();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(), serial(),
                    Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(policy))));
            builder.addExtension(Extension.subjectDirectoryAttributes, false, new SubjectDirectoryAttributes(new Vector<>(List.of(attribute))));
            return new Card(new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.key()))), keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Authority authority(X500Name name, Authority issuer) {
        try {
            KeyPair keys = keys();
            Instant now = Instant.now();
            X500Name issuerName = issuer == null ? name : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial(),
                    Date.from(now.minus(3650, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, issuer == null ? new BasicConstraints(true) : new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            PrivateKey signer = issuer == null ? keys.getPrivate() : issuer.key();
            return new Authority(new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer))), keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sign(byte[] content, PrivateKey key, X509Certificate certificate) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(X509Certificate certificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X500Name dn(String... rdns) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (String rdn : rdns) {
            String[] kv = rdn.split("=", 2);
            builder.addRDN(BCStyle.INSTANCE.attrNameToOID(kv[0]), kv[1]);
        }
        return builder.build();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
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

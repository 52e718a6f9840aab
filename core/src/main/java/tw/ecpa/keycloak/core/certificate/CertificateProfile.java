package tw.ecpa.keycloak.core.certificate;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectDirectoryAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * What a MOICA citizen or GCA agency certificate says about its holder, read from the certificate alone
 * (nothing here says the certificate is trustworthy: that is the verification's job).
 *
 * <p>Citizen (MOICA): subject {@code C=TW, CN=<name>, serialNumber=<16 digits>} and, in
 * subjectDirectoryAttributes (2.5.29.9), attribute {@value #NATIONAL_ID_LAST_FOUR_OID} holding the last
 * four digits of the national ID. Agency (GCA): subject {@code C=TW, CN=<agency name>} and attribute
 * {@value #AGENCY_OID_ATTRIBUTE} holding the agency's OID. The attribute decides the kind, not the issuer
 * DN: a look-alike issuer DN proves nothing, and a certificate with neither attribute is neither kind.
 *
 * @param kind citizen or agency card
 * @param holderName the subject CN: the person's or the agency's name
 * @param subjectSerialNumber the subject's serialNumber attribute (citizen cards), if present
 * @param nationalIdLastFour the last four digits of the holder's national ID (citizen cards only)
 * @param agencyOid the agency's OID (agency cards only)
 * @param issuerDn the issuer DN as RFC 2253 text (what the holder-check contract sends)
 * @param serialHex the certificate serial, lower-case hex without sign (the holder-check contract's form)
 */
public record CertificateProfile(
        CardKind kind,
        String holderName,
        Optional<String> subjectSerialNumber,
        Optional<String> nationalIdLastFour,
        Optional<String> agencyOid,
        String issuerDn,
        String serialHex) {

    public static final String NATIONAL_ID_LAST_FOUR_OID = "2.16.886.1.100.2.51";
    public static final String AGENCY_OID_ATTRIBUTE = "2.16.886.1.100.2.102";
    private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");

    public static CertificateProfile of(X509Certificate certificate) throws CertificateProfileException {
        X509CertificateHolder holder;
        try {
            holder = new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new CertificateProfileException("the certificate cannot be decoded", e);
        }
        X500Name subject = holder.getSubject();
        String name = first(subject, BCStyle.CN)
                .orElseThrow(() -> new CertificateProfileException("the subject has no CN"));
        Optional<String> subjectSerial = first(subject, BCStyle.SERIALNUMBER);
        Optional<String> lastFour = attribute(holder, NATIONAL_ID_LAST_FOUR_OID).map(CertificateProfile::text);
        Optional<String> agencyOid = attribute(holder, AGENCY_OID_ATTRIBUTE).map(CertificateProfile::oid);
        String issuer = certificate.getIssuerX500Principal().getName();
        String serial = certificate.getSerialNumber().toString(16);

        if (lastFour.isPresent() && agencyOid.isEmpty()) {
            if (!FOUR_DIGITS.matcher(lastFour.get()).matches()) {
                throw new CertificateProfileException("the national ID digits attribute is not four digits");
            }
            return new CertificateProfile(CardKind.CITIZEN, name, subjectSerial, lastFour, Optional.empty(), issuer, serial);
        }
        if (agencyOid.isPresent() && lastFour.isEmpty()) {
            return new CertificateProfile(CardKind.AGENCY, name, subjectSerial, Optional.empty(), agencyOid, issuer, serial);
        }
        throw new CertificateProfileException("neither a citizen nor an agency certificate profile");
    }

    private static Optional<String> first(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        return Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()).strip()).filter(s -> !s.isEmpty());
    }

    private static Optional<ASN1Encodable> attribute(X509CertificateHolder holder, String oid) throws CertificateProfileException {
        Extension extension = holder.getExtension(Extension.subjectDirectoryAttributes);
        if (extension == null) {
            return Optional.empty();
        }
        try {
            SubjectDirectoryAttributes attributes = SubjectDirectoryAttributes.getInstance(extension.getParsedValue());
            for (Object item : attributes.getAttributes()) {
                Attribute attribute = Attribute.getInstance(item);
                if (attribute.getAttrType().getId().equals(oid) && attribute.getAttrValues().size() > 0) {
                    return Optional.of(attribute.getAttrValues().getObjectAt(0));
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CertificateProfileException("subjectDirectoryAttributes cannot be decoded", e);
        }
    }

    private static String text(ASN1Encodable value) {
        return value instanceof ASN1String s ? s.getString().strip() : "";
    }

    private static String oid(ASN1Encodable value) {
        return value instanceof ASN1ObjectIdentifier o ? o.getId() : "";
    }

    /** The card's holder may own {@code nationalIdLastFour}: the {@code certificate-suffix} holder check. */
    public boolean nationalIdEndsWith(String lastFourDigits) {
        return nationalIdLastFour.map(digits -> digits.equals(lastFourDigits)).orElse(false);
    }

    /** Never prints the name: it is personal data and this ends up in logs. */
    @Override
    public String toString() {
        return "CertificateProfile[" + kind + ", issuer=" + issuerDn + ", serial=" + serialHex + "]";
    }

}

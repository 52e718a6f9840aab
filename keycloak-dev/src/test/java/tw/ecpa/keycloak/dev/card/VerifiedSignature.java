package tw.ecpa.keycloak.dev.card;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * A reader's PKCS7 answer checked the way the server will check it: the CMS signature verifies with the
 * certificate it carries, and that certificate chains to a trust anchor (revocation off).
 */
public record VerifiedSignature(byte[] content, X509Certificate signer, SignerInformation signerInfo) {

    private static final String SHA256 = "2.16.840.1.101.3.4.2.1";

    /** Parses and verifies; throws when the signature does not verify. */
    public static VerifiedSignature of(String base64) throws CMSException, OperatorCreationException, GeneralSecurityException {
        CMSSignedData signed = new CMSSignedData(Base64.getDecoder().decode(base64));
        SignerInformation signerInfo = signed.getSignerInfos().getSigners().iterator().next();
        X509CertificateHolder holder = signed.getCertificates().getMatches(null).stream()
                .filter(candidate -> signerInfo.getSID().match(candidate))
                .findFirst()
                .orElseThrow(() -> new GeneralSecurityException("the signer's certificate is not in the CMS"));
        if (!signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) {
            throw new GeneralSecurityException("the CMS signature does not verify");
        }
        if (!SHA256.equals(signerInfo.getDigestAlgOID())) {
            throw new GeneralSecurityException("not SHA-256: " + signerInfo.getDigestAlgOID());
        }
        X509Certificate signer = new JcaX509CertificateConverter().getCertificate(holder);
        return new VerifiedSignature((byte[]) signed.getSignedContent().getContent(), signer, signerInfo);
    }

    public boolean hasSignedAttributesOfTheProfile() {
        var attributes = signerInfo.getSignedAttributes();
        return attributes != null
                && attributes.get(CMSAttributes.contentType) != null
                && attributes.get(CMSAttributes.messageDigest) != null
                && attributes.get(CMSAttributes.signingTime) != null;
    }

    /** PKIX path validation of signer + intermediates to {@code root}, without revocation checking. */
    public void chainsTo(X509Certificate root, List<X509Certificate> intermediates) throws GeneralSecurityException {
        List<X509Certificate> path = new ArrayList<>();
        path.add(signer);
        path.addAll(intermediates);
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
    }
}

package tw.ecpa.keycloak.authenticators.certificate;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * The card's PKCS7 answer: a CMS SignedData with the signed content encapsulated, one signer, SHA-256,
 * and the signer's certificate included. Reading the content ({@link #parse}) and checking the signature
 * ({@link #verify}) are two steps because the nonce is checked in between.
 */
final class CardSignature {

    private final byte[] content;
    private final SignerInformation signer;
    private final X509Certificate signerCertificate;

    private CardSignature(byte[] content, SignerInformation signer, X509Certificate signerCertificate) {
        this.content = content;
        this.signer = signer;
        this.signerCertificate = signerCertificate;
    }

    /** Empty when the bytes are not a CMS SignedData with one signer whose certificate is included. */
    static Optional<CardSignature> parse(byte[] der) {
        try {
            CMSSignedData cms = new CMSSignedData(der);
            if (cms.getSignedContent() == null || cms.getSignerInfos().size() != 1) {
                return Optional.empty();
            }
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.size() != 1) {
                return Optional.empty();
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            return Optional.of(new CardSignature((byte[]) cms.getSignedContent().getContent(), signer, certificate));
        } catch (CMSException | CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }

    byte[] content() {
        return content.clone();
    }

    X509Certificate signerCertificate() {
        return signerCertificate;
    }

    /**
     * The signature verifies with the included certificate, uses SHA-256 as the page asked, and the
     * component's {@code certb64}, when it sent one, is that same certificate.
     */
    boolean verify(Optional<byte[]> componentCertificate) {
        try {
            if (componentCertificate.isPresent() && !Arrays.equals(componentCertificate.get(), signerCertificate.getEncoded())) {
                return false;
            }
            if (!NISTObjectIdentifiers.id_sha256.getId().equals(signer.getDigestAlgOID())) {
                return false;
            }
            // With the key, not the certificate: Bouncy Castle would otherwise refuse a signing time outside
            // the certificate's validity, and an expired card must be reported as expired, later.
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerCertificate.getPublicKey()));
        } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
            return false;
        }
    }
}

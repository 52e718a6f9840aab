package tw.ecpa.keycloak.dev.card;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The card's PKCS7 signature: CMS SignedData with the tbs bytes encapsulated, SHA256withRSA, the signed
 * attributes content-type, message-digest and signing-time (Bouncy Castle's defaults, plus its
 * CMS algorithm protection), and the signer's certificate included. Used by the virtual reader and by the
 * benchmarks' load generator, which signs as the card component would.
 */
public final class CmsSigner {

    private static final String ALGORITHM = "SHA256withRSA";

    private CmsSigner() {
    }

    public static byte[] sign(byte[] content, PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .build(new JcaContentSignerBuilder(ALGORITHM).build(key), certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(content), true).getEncoded();
        } catch (OperatorCreationException | CMSException | IOException e) {
            throw new GeneralSecurityException("cannot make the CMS signature", e);
        }
    }
}

package tw.ecpa.keycloak.authenticators.certificate;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.keycloak.authentication.authenticators.x509.CertificateValidator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.utils.CRLUtils;

/**
 * The CRLs named by the certificate's distribution points, through Keycloak's own x509 machinery:
 * {@link CertificateValidator.CRLFileLoader} downloads with the server's {@code HttpClientProvider} and
 * keeps each CRL in Keycloak's CRL storage cache (shared by the cluster, refreshed at nextUpdate), and
 * {@link CRLUtils#check} verifies the CRL's signature with the issuing CA before it believes an entry.
 */
final class CrlRevocationSource implements RevocationSource {

    private final KeycloakSession session;

    CrlRevocationSource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        List<String> urls = distributionPoints(certificate);
        if (urls.isEmpty()) {
            return RevocationStatus.UNAVAILABLE;
        }
        X509Certificate[] chain = {certificate, issuer};
        for (String url : urls) {
            Collection<X509CRL> crls;
            try {
                // A CRL older than its nextUpdate is not an answer: abort rather than trust it.
                crls = new CertificateValidator.CRLFileLoader(session, url, true).getX509CRLs();
            } catch (GeneralSecurityException | RuntimeException e) {
                continue;
            }
            for (X509CRL crl : crls) {
                try {
                    CRLUtils.check(chain, crl, session);
                    return RevocationStatus.GOOD;
                } catch (GeneralSecurityException e) {
                    // CRLUtils says "revoked" and "cannot verify this CRL" with the same exception type.
                    if (crl.isRevoked(certificate) && signedBy(crl, issuer)) {
                        return RevocationStatus.REVOKED;
                    }
                }
            }
        }
        return RevocationStatus.UNAVAILABLE;
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static List<String> distributionPoints(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (extension == null) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension));
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        String url = ASN1IA5String.getInstance(general.getName()).getString();
                        if (url.startsWith("http://") || url.startsWith("https://")) {
                            urls.add(url);
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
        return List.copyOf(urls);
    }
}

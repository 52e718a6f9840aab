package tw.ecpa.keycloak.authenticators.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.keycloak.common.util.Time;
import org.keycloak.crl.CrlStorageProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.utils.CRLUtils;

/**
 * The CRLs named by the certificate's distribution points, through Keycloak's own x509 machinery: each
 * CRL is kept in Keycloak's {@link CrlStorageProvider} (the cache its x509 authenticator uses, shared by
 * the cluster, refreshed at nextUpdate; one download at a time per URL), and {@link CRLUtils#check}
 * verifies the CRL's signature with the issuing CA before it believes an entry. The download is ours,
 * through {@link RevocationFetch}, for the step's timeout: Keycloak's own CRL loader takes the server-wide
 * client's waits, which a silent CRL server stretches to minutes.
 */
final class CrlRevocationSource implements RevocationSource {

    private final KeycloakSession session;
    private final RevocationFetch fetch;

    CrlRevocationSource(KeycloakSession session, RevocationFetch fetch) {
        this.session = session;
        this.fetch = fetch;
    }

    @Override
    public boolean names(X509Certificate certificate) {
        return !distributionPoints(certificate).isEmpty();
    }

    @Override
    public RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        List<String> urls = distributionPoints(certificate);
        if (urls.isEmpty()) {
            return RevocationStatus.UNAVAILABLE;
        }
        X509Certificate[] chain = {certificate, issuer};
        for (String url : urls) {
            X509CRL crl;
            try {
                crl = session.getProvider(CrlStorageProvider.class).get(url, () -> download(url));
            } catch (GeneralSecurityException | RuntimeException e) {
                continue;
            }
            // A CRL past its nextUpdate is not an answer (the CA failed to publish, or the cache kept it).
            if (crl == null || (crl.getNextUpdate() != null && crl.getNextUpdate().before(new Date(Time.currentTimeMillis())))) {
                continue;
            }
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
        return RevocationStatus.UNAVAILABLE;
    }

    /** Keycloak's storage calls this when it has no current copy; a failure is its RuntimeException. */
    private X509CRL download(String url) throws IOException, GeneralSecurityException {
        byte[] der = fetch.get(URI.create(url));
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
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

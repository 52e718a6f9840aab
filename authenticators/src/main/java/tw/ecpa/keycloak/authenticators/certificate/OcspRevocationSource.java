package tw.ecpa.keycloak.authenticators.certificate;

import java.io.IOException;
import java.net.URI;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.keycloak.crypto.def.BCOCSPProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.utils.OCSPProvider;

/**
 * The certificate's OCSP responder (from its AIA extension) through Keycloak's own OCSP client
 * ({@link BCOCSPProvider}): the request carries a nonce, and the response must be signed by the issuing
 * CA or a responder it delegated to, and be within its thisUpdate / nextUpdate window. Two things are
 * ours: the request goes out through {@link RevocationFetch} (the step's timeout), and the verified
 * response is kept for its nextUpdate, which Keycloak's client checks but does not hand out, so that
 * {@link CachedOcspAnswers} keeps the answer no longer than the responder vouches for it. An "unknown"
 * answer is no answer.
 *
 * <p>Keycloak's default (non-FIPS) crypto provider's client, used directly: a FIPS server would bring
 * its own, which this class does not use.
 */
final class OcspRevocationSource implements RevocationSource, OcspQuery {

    private final KeycloakSession session;
    private final RevocationFetch fetch;

    OcspRevocationSource(KeycloakSession session, RevocationFetch fetch) {
        this.session = session;
        this.fetch = fetch;
    }

    @Override
    public RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        return answer(certificate, issuer).status();
    }

    @Override
    public boolean names(X509Certificate certificate) {
        return !responderUrls(certificate).isEmpty();
    }

    @Override
    public OcspAnswer answer(X509Certificate certificate, X509Certificate issuer) {
        if (!names(certificate)) {
            return OcspAnswer.NONE;
        }
        ResponseKeeping client = new ResponseKeeping(fetch);
        OCSPProvider.OCSPRevocationStatus answer;
        try {
            answer = client.check(session, certificate, issuer);
        } catch (CertPathValidatorException | RuntimeException e) {
            return OcspAnswer.NONE;
        }
        if (answer == null) {
            return OcspAnswer.NONE;
        }
        RevocationStatus status = switch (answer.getRevocationStatus()) {
            case GOOD -> RevocationStatus.GOOD;
            case REVOKED -> RevocationStatus.REVOKED;
            default -> RevocationStatus.UNAVAILABLE;
        };
        if (status == RevocationStatus.UNAVAILABLE) {
            return OcspAnswer.NONE;
        }
        return new OcspAnswer(status, nextUpdate(client.response, certificate, issuer));
    }

    /** The nextUpdate of the response's entry for {@code certificate}; empty when it has none. */
    static Optional<Instant> nextUpdate(OCSPResp response, X509Certificate certificate, X509Certificate issuer) {
        try {
            if (response == null || !(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                return Optional.empty();
            }
            JcaX509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            for (SingleResp single : basic.getResponses()) {
                if (single.getCertID().getSerialNumber().equals(certificate.getSerialNumber())
                        && single.getCertID().matchesIssuer(issuerHolder, new JcaDigestCalculatorProviderBuilder().build())) {
                    return Optional.ofNullable(single.getNextUpdate()).map(java.util.Date::toInstant);
                }
            }
            return Optional.empty();
        } catch (OCSPException | CertificateEncodingException | OperatorCreationException e) {
            return Optional.empty();
        }
    }

    /** The http(s) OCSP responder URLs of the certificate's AIA extension. */
    static List<String> responderUrls(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (extension == null) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        try {
            AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension));
            for (AccessDescription description : access.getAccessDescriptions()) {
                GeneralName location = description.getAccessLocation();
                if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                        && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    String url = ASN1IA5String.getInstance(location.getName()).getString();
                    if (url.startsWith("http://") || url.startsWith("https://")) {
                        urls.add(url);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
        return List.copyOf(urls);
    }

    /**
     * Keycloak's client for one question: it asks through our fetch, and keeps the response it then
     * verifies. One instance per question, so no response is ever read for another certificate.
     */
    private static final class ResponseKeeping extends BCOCSPProvider {

        private final RevocationFetch fetch;
        private OCSPResp response;

        ResponseKeeping(RevocationFetch fetch) {
            this.fetch = fetch;
        }

        @Override
        protected byte[] getEncodedOCSPResponse(KeycloakSession session, byte[] request, URI responder) throws IOException {
            return fetch.post(responder, "application/ocsp-request", request);
        }

        @Override
        protected OCSPResp getResponse(KeycloakSession session, OCSPReq request, URI responder) throws IOException {
            response = super.getResponse(session, request, responder);
            return response;
        }
    }
}

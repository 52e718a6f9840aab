package tw.ecpa.keycloak.dev.revocation;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;

import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaRespID;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import tw.ecpa.keycloak.dev.pki.CertificateAuthority;
import tw.ecpa.keycloak.dev.pki.TestPki;

/**
 * Answers OCSP requests (RFC 6960) for every CA of the test PKI. Each answer is signed by the issuing CA
 * itself, names it by key hash (MOICA's DN is shared by the trusted and the untrusted citizen CA, so a
 * name would be ambiguous) and echoes the request's nonce.
 *
 * <p>One request names one issuer, as the lightweight profile (RFC 5019) has it: a request for
 * certificates of several CAs is {@code malformedRequest}; one for a CA of another PKI is
 * {@code unauthorized}.
 */
final class OcspResponder {

    static final Duration ANSWER_LIFETIME = Duration.ofMinutes(10);
    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private final TestPki pki;
    private final RevocationRegistry registry;
    private final DigestCalculatorProvider digests;
    /** From thisUpdate to nextUpdate of every answer; a test may shorten it to see answers expire. */
    private volatile Duration answerLifetime = ANSWER_LIFETIME;

    OcspResponder(TestPki pki, RevocationRegistry registry) {
        this.pki = pki;
        this.registry = registry;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("every JDK has the OCSP digests", e);
        }
    }

    /** The DER OCSPResponse for a DER OCSPRequest; never throws for a bad request. */
    byte[] respond(byte[] requestDer) throws GeneralSecurityException {
        OCSPReq request;
        try {
            request = new OCSPReq(requestDer);
        } catch (IOException | RuntimeException e) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Req[] entries = request.getRequestList();
        if (entries.length == 0) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Optional<CertificateAuthority> issuer = issuerOf(entries[0].getCertID());
        if (issuer.isEmpty()) {
            return status(OCSPRespBuilder.UNAUTHORIZED);
        }
        for (Req entry : entries) {
            if (!issuedBy(entry.getCertID(), issuer.get())) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
        }
        return answer(request, entries, issuer.get());
    }

    private byte[] answer(OCSPReq request, Req[] entries, CertificateAuthority issuer) throws GeneralSecurityException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try {
            X509CertificateHolder issuerCertificate = new JcaX509CertificateHolder(issuer.certificate());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                    new JcaRespID(issuer.certificate().getPublicKey(), digests.get(CertificateID.HASH_SHA1)));
            for (Req entry : entries) {
                CertificateID id = entry.getCertID();
                builder.addResponse(id, bcStatus(registry.status(issuer, id.getSerialNumber())),
                        Date.from(now), Date.from(now.plus(answerLifetime)), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(
                        new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonce.getExtnValue())));
            }
            BasicOCSPResp basic = builder.build(
                    new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuer.privateKey()),
                    new X509CertificateHolder[] {issuerCertificate}, Date.from(now));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot sign an OCSP answer of " + issuer.name(), e);
        }
    }

    void setAnswerLifetime(Duration lifetime) {
        if (lifetime.isNegative()) {
            throw new IllegalArgumentException("an answer cannot expire before it is made");
        }
        this.answerLifetime = lifetime;
    }

    private Optional<CertificateAuthority> issuerOf(CertificateID id) {
        return pki.authorities().stream().filter(ca -> issuedBy(id, ca)).findFirst();
    }

    /** Name hash and key hash must both match: the trusted and the untrusted citizen CA share a name. */
    private boolean issuedBy(CertificateID id, CertificateAuthority authority) {
        try {
            return id.matchesIssuer(new JcaX509CertificateHolder(authority.certificate()), digests);
        } catch (OCSPException | CertificateEncodingException e) {
            return false;
        }
    }

    /** Bouncy Castle's status type, which shares its simple name with ours. */
    private static org.bouncycastle.cert.ocsp.CertificateStatus bcStatus(CertificateStatus status) {
        return switch (status.state()) {
            case GOOD -> org.bouncycastle.cert.ocsp.CertificateStatus.GOOD;
            case REVOKED -> new RevokedStatus(Date.from(status.revokedAt()), status.reason().code());
            case UNKNOWN -> new UnknownStatus();
        };
    }

    private static byte[] status(int responseStatus) throws GeneralSecurityException {
        try {
            OCSPResp response = new OCSPRespBuilder().build(responseStatus, null);
            return response.getEncoded();
        } catch (OCSPException | IOException e) {
            throw new GeneralSecurityException("cannot encode an OCSP status", e);
        }
    }
}

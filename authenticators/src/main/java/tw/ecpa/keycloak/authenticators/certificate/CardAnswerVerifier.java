package tw.ecpa.keycloak.authenticators.certificate;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.keycloak.models.KeycloakSession;

import tw.ecpa.keycloak.core.certificate.CertificateProfile;
import tw.ecpa.keycloak.core.certificate.CertificateProfileException;
import tw.ecpa.keycloak.model.EcpaMetrics;

/**
 * The server-side check of a card's signed answer, in this order (as docs/flows.md lists it under
 * 憑證登入): the signed content is this login's nonce; the CMS signature verifies; the certificate chains
 * to a configured root; every certificate of the path is within its validity period; the card's key usage
 * allows digitalSignature; the card's policy is accepted for its kind; neither the card nor a CA of its
 * path is revoked. The first failure ends the check.
 */
final class CardAnswerVerifier {

    private final TrustAnchors anchors;
    private final AcceptedPolicies policies;
    private final RevocationCheck revocation;
    private final boolean revocationFailOpen;

    CardAnswerVerifier(TrustAnchors anchors, AcceptedPolicies policies, RevocationCheck revocation, boolean revocationFailOpen) {
        this.anchors = anchors;
        this.policies = policies;
        this.revocation = revocation;
        this.revocationFailOpen = revocationFailOpen;
    }

    /** The verifier the certificate step's settings describe; IllegalArgumentException when its PEM text is not usable. */
    static CardAnswerVerifier configured(KeycloakSession session, CertificateLoginConfig config) {
        TrustAnchors anchors = TrustAnchors.of(config.trustAnchorsPem(), config.issuingCasPem());
        RevocationFetch fetch = RevocationFetch.of(session, config.revocationTimeout());
        EcpaMetrics metrics = EcpaMetrics.global();
        RevocationCheck revocation = new RevocationCheck(config.revocationMode(),
                new MeasuredRevocationSource(new CrlRevocationSource(session, fetch), MeasuredRevocationSource.CRL, metrics),
                new MeasuredRevocationSource(new CachedOcspAnswers(new OcspRevocationSource(session, fetch), session.singleUseObjects(),
                        config.ocspCacheMaxAge(), Clock.systemUTC()), MeasuredRevocationSource.OCSP, metrics));
        return new CardAnswerVerifier(anchors, new AcceptedPolicies(config.citizenPolicies(), config.agencyPolicies()),
                revocation, config.revocationFailOpen());
    }

    /**
     * @param nonceCheck consumes this login's nonce and says what is wrong with the signed content, if
     *                   anything (see {@link NonceIssuer#consume})
     */
    Verification verify(CardAnswer answer, Function<byte[], Optional<VerificationFailure>> nonceCheck, Instant now) {
        Optional<CardSignature> parsed = answer.signature().flatMap(CardSignature::parse);
        if (parsed.isEmpty()) {
            return failed(VerificationFailure.SIGNATURE_INVALID, null);
        }
        CardSignature signature = parsed.get();
        X509Certificate card = signature.signerCertificate();

        Optional<VerificationFailure> nonce = nonceCheck.apply(signature.content());
        if (nonce.isPresent()) {
            return failed(nonce.get(), card);
        }
        if (!signature.verify(answer.certificate())) {
            return failed(VerificationFailure.SIGNATURE_INVALID, card);
        }
        Optional<List<X509Certificate>> path = anchors.pathFor(card);
        if (path.isEmpty()) {
            return failed(VerificationFailure.UNTRUSTED_ISSUER, card);
        }
        Optional<VerificationFailure> validity = validity(path.get(), now);
        if (validity.isPresent()) {
            return failed(validity.get(), card);
        }
        boolean[] keyUsage = card.getKeyUsage();
        if (keyUsage == null || keyUsage.length == 0 || !keyUsage[0]) {
            return failed(VerificationFailure.WRONG_KEY_USAGE, card);
        }
        CertificateProfile profile;
        try {
            profile = CertificateProfile.of(card);
        } catch (CertificateProfileException e) {
            return failed(VerificationFailure.NOT_A_CARD_PROFILE, card);
        }
        if (!policies.accepts(profile.kind(), card)) {
            return failed(VerificationFailure.WRONG_POLICY, card);
        }
        RevocationCheck.PathStatus status = revocation.status(path.get(), revocationFailOpen);
        if (status == RevocationCheck.PathStatus.ISSUER_REVOKED) {
            return failed(VerificationFailure.ISSUER_REVOKED, card);
        }
        if (status == RevocationCheck.PathStatus.CARD_REVOKED) {
            return failed(VerificationFailure.REVOKED, card);
        }
        if (status == RevocationCheck.PathStatus.UNAVAILABLE && !revocationFailOpen) {
            return failed(VerificationFailure.REVOCATION_UNAVAILABLE, card);
        }
        return new Verification.Verified(card, profile, status == RevocationCheck.PathStatus.UNAVAILABLE);
    }

    private static Optional<VerificationFailure> validity(List<X509Certificate> path, Instant now) {
        Date at = Date.from(now);
        for (X509Certificate certificate : path) {
            try {
                certificate.checkValidity(at);
            } catch (CertificateExpiredException e) {
                return Optional.of(VerificationFailure.EXPIRED);
            } catch (CertificateNotYetValidException e) {
                return Optional.of(VerificationFailure.NOT_YET_VALID);
            }
        }
        return Optional.empty();
    }

    private static Verification failed(VerificationFailure failure, X509Certificate certificate) {
        return new Verification.Failed(failure, Optional.ofNullable(certificate));
    }
}

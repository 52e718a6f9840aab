package tw.ecpa.keycloak.authenticators.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The nonce the card signs: issued for one authentication session and kept in its notes (so any node
 * of a cluster can finish the login), good once and for a short time. Every check consumes the nonce
 * it finds, whatever the outcome; a failed attempt gets a new page with a new nonce.
 */
final class NonceIssuer {

    static final String NONCE_NOTE = "ecpa.certificate.nonce";
    static final String ISSUED_AT_NOTE = "ecpa.certificate.nonceIssuedAt";
    /** Only a digest of the last consumed nonce, to tell a replay from a foreign nonce. */
    static final String USED_NOTE = "ecpa.certificate.usedNonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration lifetime;

    NonceIssuer(Duration lifetime) {
        this.lifetime = lifetime;
    }

    String issue(AuthenticationSessionModel session, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAuthNote(NONCE_NOTE, nonce);
        session.setAuthNote(ISSUED_AT_NOTE, Long.toString(now.toEpochMilli()));
        return nonce;
    }

    /** Empty when {@code signedContent} is this session's live nonce; the failure otherwise. */
    Optional<VerificationFailure> consume(AuthenticationSessionModel session, byte[] signedContent, Instant now) {
        String nonce = session.getAuthNote(NONCE_NOTE);
        String issuedAt = session.getAuthNote(ISSUED_AT_NOTE);
        session.removeAuthNote(NONCE_NOTE);
        session.removeAuthNote(ISSUED_AT_NOTE);

        String signedDigest = digest(signedContent);
        if (nonce == null || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8), signedContent)) {
            return Optional.of(signedDigest.equals(session.getAuthNote(USED_NOTE))
                    ? VerificationFailure.NONCE_REUSED : VerificationFailure.NONCE_FOREIGN);
        }
        session.setAuthNote(USED_NOTE, signedDigest);
        Instant issued = Instant.ofEpochMilli(Long.parseLong(issuedAt));
        if (now.isAfter(issued.plus(lifetime))) {
            return Optional.of(VerificationFailure.NONCE_EXPIRED);
        }
        return Optional.empty();
    }

    private static String digest(byte[] content) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package tw.ecpa.keycloak.authenticators.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.keycloak.sessions.AuthenticationSessionModel;

class NonceIssuerTest {

    private final AuthenticationSessionModel session = AuthNotes.session();
    private final NonceIssuer nonces = new NonceIssuer(Duration.ofSeconds(120));
    private final Instant now = Instant.parse("2026-11-27T09:00:00Z");

    private static byte[] bytes(String nonce) {
        return nonce.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenTheLiveNonceThenItPassesOnce() {
        String nonce = nonces.issue(session, now);

        assertThat(nonces.consume(session, bytes(nonce), now.plusSeconds(120))).isEmpty();
        assertThat(nonces.consume(session, bytes(nonce), now.plusSeconds(121))).contains(VerificationFailure.NONCE_REUSED);
    }

    @Test
    void givenEveryIssueThenTheNonceIsNewAndUnguessable() {
        String first = nonces.issue(session, now);
        String second = nonces.issue(session, now);

        assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(43);
        assertThat(nonces.consume(session, bytes(first), now)).contains(VerificationFailure.NONCE_FOREIGN);
    }

    @Test
    void givenTheNonceAfterItsLifetimeThenItIsExpiredAndGone() {
        String nonce = nonces.issue(session, now);

        assertThat(nonces.consume(session, bytes(nonce), now.plusSeconds(121))).contains(VerificationFailure.NONCE_EXPIRED);
        assertThat(session.getAuthNote(NonceIssuer.NONCE_NOTE)).isNull();
    }

    @Test
    void givenAFailedCheckThenTheLiveNonceIsConsumedToo() {
        String nonce = nonces.issue(session, now);

        assertThat(nonces.consume(session, bytes("guess"), now)).contains(VerificationFailure.NONCE_FOREIGN);
        assertThat(nonces.consume(session, bytes(nonce), now)).isPresent();
    }

    @Test
    void givenNoNonceIssuedThenAnyContentIsForeign() {
        assertThat(nonces.consume(session, bytes("anything"), now)).contains(VerificationFailure.NONCE_FOREIGN);
    }
}

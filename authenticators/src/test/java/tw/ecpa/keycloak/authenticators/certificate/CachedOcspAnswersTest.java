package tw.ecpa.keycloak.authenticators.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

class CachedOcspAnswersTest {

    private final TestCards cards = new TestCards();
    private final X509Certificate issuer = cards.moica.certificate();
    private final Store store = new Store();

    private static final Instant NOW = Instant.parse("2026-12-03T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** A responder that gives the queued answers in turn, all with one nextUpdate, and counts the questions. */
    private static final class Responder implements OcspQuery {
        private final Deque<RevocationStatus> answers;
        private final Optional<Instant> nextUpdate;
        private int asked;

        Responder(RevocationStatus... answers) {
            this(Optional.empty(), answers);
        }

        Responder(Optional<Instant> nextUpdate, RevocationStatus... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
            this.nextUpdate = nextUpdate;
        }

        @Override
        public OcspAnswer answer(X509Certificate certificate, X509Certificate issuer) {
            asked++;
            return answers.isEmpty() ? OcspAnswer.NONE : new OcspAnswer(answers.poll(), nextUpdate);
        }
    }

    private CachedOcspAnswers kept(Responder responder, Duration maxAge) {
        return new CachedOcspAnswers(responder, store, maxAge, CLOCK);
    }

    /** Keycloak's store as a map, lifespans written down (expiry is the store's job, not ours). */
    private static final class Store implements SingleUseObjectProvider {
        final Map<String, Map<String, String>> entries = new HashMap<>();
        final Map<String, Long> lifespans = new HashMap<>();

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            entries.put(key, notes);
            lifespans.put(key, lifespanSeconds);
        }

        @Override
        public Map<String, String> get(String key) {
            return entries.get(key);
        }

        @Override
        public Map<String, String> remove(String key) {
            return entries.remove(key);
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            return entries.replace(key, notes) != null;
        }

        @Override
        public boolean putIfAbsent(String key, long lifespanSeconds) {
            return entries.putIfAbsent(key, Map.of()) == null;
        }

        @Override
        public boolean contains(String key) {
            return entries.containsKey(key);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void givenAGoodAnswerThenTheNextLoginWithThatCardDoesNotAskTheResponder() {
        X509Certificate card = cards.citizen().certificate();
        Responder responder = new Responder(RevocationStatus.GOOD, RevocationStatus.REVOKED);
        CachedOcspAnswers answers = kept(responder, Duration.ofMinutes(10));

        assertThat(answers.status(card, issuer)).isEqualTo(RevocationStatus.GOOD);
        assertThat(answers.status(card, issuer)).isEqualTo(RevocationStatus.GOOD);

        assertThat(responder.asked).isEqualTo(1);
        assertThat(store.lifespans).containsValue(600L);
    }

    @Test
    void givenAnotherCardThenItsOwnQuestion() {
        Responder responder = new Responder(RevocationStatus.GOOD, RevocationStatus.REVOKED);
        CachedOcspAnswers answers = kept(responder, Duration.ofMinutes(10));

        answers.status(cards.citizen().certificate(), issuer);

        assertThat(answers.status(cards.citizen().certificate(), issuer)).isEqualTo(RevocationStatus.REVOKED);
        assertThat(responder.asked).isEqualTo(2);
    }

    @Test
    void givenNoAnswerThenNothingIsKeptAndTheNextLoginAsksAgain() {
        X509Certificate card = cards.citizen().certificate();
        Responder responder = new Responder(RevocationStatus.UNAVAILABLE, RevocationStatus.GOOD);
        CachedOcspAnswers answers = kept(responder, Duration.ofMinutes(10));

        assertThat(answers.status(card, issuer)).isEqualTo(RevocationStatus.UNAVAILABLE);
        assertThat(answers.status(card, issuer)).isEqualTo(RevocationStatus.GOOD);
        assertThat(responder.asked).isEqualTo(2);
    }

    @Test
    void givenMaxAgeZeroThenEveryLoginAsks() {
        X509Certificate card = cards.citizen().certificate();
        Responder responder = new Responder(RevocationStatus.GOOD, RevocationStatus.REVOKED);
        CachedOcspAnswers answers = kept(responder, Duration.ZERO);

        answers.status(card, issuer);

        assertThat(answers.status(card, issuer)).isEqualTo(RevocationStatus.REVOKED);
        assertThat(store.entries).isEmpty();
    }

    @Test
    void givenANextUpdateBeforeTheMaxAgeThenTheAnswerIsKeptOnlyUntilIt() {
        X509Certificate card = cards.citizen().certificate();
        Responder responder = new Responder(Optional.of(NOW.plusSeconds(120)), RevocationStatus.GOOD);

        assertThat(kept(responder, Duration.ofMinutes(10)).status(card, issuer)).isEqualTo(RevocationStatus.GOOD);

        assertThat(store.lifespans).containsOnly(Map.entry(CachedOcspAnswers.key(card, issuer), 120L));
    }

    @Test
    void givenANextUpdateAfterTheMaxAgeThenTheMaxAgeHolds() {
        Responder responder = new Responder(Optional.of(NOW.plus(Duration.ofDays(7))), RevocationStatus.REVOKED);

        kept(responder, Duration.ofMinutes(10)).status(cards.citizen().certificate(), issuer);

        assertThat(store.lifespans.values()).containsExactly(600L);
    }

    @Test
    void givenANextUpdateThatHasComeThenTheAnswerCountsOnceAndIsNotKept() {
        X509Certificate card = cards.citizen().certificate();
        // Keycloak accepts an answer up to 15 minutes past its nextUpdate (clock skew); it is no answer to keep.
        Responder responder = new Responder(Optional.of(NOW.minusSeconds(60)), RevocationStatus.GOOD, RevocationStatus.REVOKED);
        CachedOcspAnswers answers = kept(responder, Duration.ofMinutes(10));

        assertThat(answers.status(card, issuer)).isEqualTo(RevocationStatus.GOOD);
        assertThat(answers.status(card, issuer)).isEqualTo(RevocationStatus.REVOKED);

        assertThat(store.entries).isEmpty();
        assertThat(responder.asked).isEqualTo(2);
    }

    @Test
    void givenANextUpdateLessThanASecondAwayThenTheAnswerIsNotKept() {
        Responder responder = new Responder(Optional.of(NOW.plusMillis(900)), RevocationStatus.GOOD);

        kept(responder, Duration.ofMinutes(10)).status(cards.citizen().certificate(), issuer);

        assertThat(store.entries).isEmpty();
    }

    @Test
    void givenNoNextUpdateThenTheConfiguredMaxAgeHolds() {
        Responder responder = new Responder(Optional.empty(), RevocationStatus.GOOD);

        kept(responder, Duration.ofMinutes(5)).status(cards.citizen().certificate(), issuer);

        assertThat(store.lifespans.values()).containsExactly(300L);
    }
}

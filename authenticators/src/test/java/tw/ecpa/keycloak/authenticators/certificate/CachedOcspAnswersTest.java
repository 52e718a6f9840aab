package tw.ecpa.keycloak.authenticators.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

class CachedOcspAnswersTest {

    private final TestCards cards = new TestCards();
    private final X509Certificate issuer = cards.moica.certificate();
    private final Store store = new Store();

    /** A responder that gives the queued answers in turn and counts the questions. */
    private static final class Responder implements RevocationSource {
        private final Deque<RevocationStatus> answers;
        private int asked;

        Responder(RevocationStatus... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
            asked++;
            return answers.isEmpty() ? RevocationStatus.UNAVAILABLE : answers.poll();
        }
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
        CachedOcspAnswers answers = new CachedOcspAnswers(responder, store, Duration.ofMinutes(10));

        assertThat(answers.status(card, issuer)).isEqualTo(RevocationStatus.GOOD);
        assertThat(answers.status(card, issuer)).isEqualTo(RevocationStatus.GOOD);

        assertThat(responder.asked).isEqualTo(1);
        assertThat(store.lifespans).containsValue(600L);
    }

    @Test
    void givenAnotherCardThenItsOwnQuestion() {
        Responder responder = new Responder(RevocationStatus.GOOD, RevocationStatus.REVOKED);
        CachedOcspAnswers answers = new CachedOcspAnswers(responder, store, Duration.ofMinutes(10));

        answers.status(cards.citizen().certificate(), issuer);

        assertThat(answers.status(cards.citizen().certificate(), issuer)).isEqualTo(RevocationStatus.REVOKED);
        assertThat(responder.asked).isEqualTo(2);
    }

    @Test
    void givenNoAnswerThenNothingIsKeptAndTheNextLoginAsksAgain() {
        X509Certificate card = cards.citizen().certificate();
        Responder responder = new Responder(RevocationStatus.UNAVAILABLE, RevocationStatus.GOOD);
        CachedOcspAnswers answers = new CachedOcspAnswers(responder, store, Duration.ofMinutes(10));

        assertThat(answers.status(card, issuer)).isEqualTo(RevocationStatus.UNAVAILABLE);
        assertThat(answers.status(card, issuer)).isEqualTo(RevocationStatus.GOOD);
        assertThat(responder.asked).isEqualTo(2);
    }

    @Test
    void givenMaxAgeZeroThenEveryLoginAsks() {
        X509Certificate card = cards.citizen().certificate();
        Responder responder = new Responder(RevocationStatus.GOOD, RevocationStatus.REVOKED);
        CachedOcspAnswers answers = new CachedOcspAnswers(responder, store, Duration.ZERO);

        answers.status(card, issuer);

        assertThat(answers.status(card, issuer)).isEqualTo(RevocationStatus.REVOKED);
        assertThat(store.entries).isEmpty();
    }
}

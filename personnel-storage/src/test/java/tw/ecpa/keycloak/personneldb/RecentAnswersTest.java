package tw.ecpa.keycloak.personneldb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How long the answer of a look-up on load stands. */
class RecentAnswersTest {

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-08T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final RecentAnswers answers = new RecentAnswers(clock);
    private final LookupAnswer gone = LookupAnswer.of(List.of());

    @Test
    void anAnswerStandsForItsLifetimeAndNoLonger() {
        answers.put("c/A123456789", gone, Duration.ofSeconds(30));

        clock.now = clock.now.plusSeconds(29);
        assertThat(answers.get("c/A123456789")).contains(gone.kept());
        clock.now = clock.now.plusSeconds(1);
        assertThat(answers.get("c/A123456789")).isEmpty();
    }

    @Test
    void aLifetimeOfZeroKeepsNothing() {
        answers.put("c/A123456789", gone, Duration.ZERO);

        assertThat(answers.get("c/A123456789")).isEmpty();
    }

    @Test
    void newSettingsOfAComponentForgetItsAnswersOnly() {
        answers.put("c/A123456789", gone, Duration.ofSeconds(30));
        answers.put("d/A123456789", gone, Duration.ofSeconds(30));

        answers.forgetComponent("c");

        assertThat(answers.get("c/A123456789")).isEmpty();
        assertThat(answers.get("d/A123456789")).contains(gone.kept());
    }

    @Test
    void pastTheBoundTheExpiredAnswersAreDropped() {
        for (int i = 0; i < RecentAnswers.MOST_ENTRIES; i++) {
            answers.put("c/" + i, gone, Duration.ofSeconds(1));
        }
        clock.now = clock.now.plusSeconds(2);
        answers.put("c/new", gone, Duration.ofSeconds(30));

        assertThat(answers.get("c/new")).contains(gone.kept());
        assertThat(answers.get("c/0")).isEmpty();
    }
}

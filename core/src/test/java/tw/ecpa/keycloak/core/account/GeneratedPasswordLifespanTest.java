package tw.ecpa.keycloak.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratedPasswordLifespanTest {

    @ParameterizedTest
    @CsvSource({
        "7d, PT168H",
        "7, PT168H",
        "' 2D ', PT48H",
        "36h, PT36H",
        "90m, PT1H30M",
        "30s, PT30S",
    })
    void readsANumberAndAUnit(String setting, Duration expected) {
        assertThat(GeneratedPasswordLifespan.parse(setting)).map(GeneratedPasswordLifespan::duration).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0d", "-1d", "7w", "d", "1.5d", "seven days"})
    void aSettingThatNamesNoLifespanGivesTheDefault(String setting) {
        assertThat(GeneratedPasswordLifespan.parse(setting)).isEmpty();
        assertThat(GeneratedPasswordLifespan.fromConfig(setting)).isEqualTo(GeneratedPasswordLifespan.DEFAULT);
    }

    @Test
    void theDefaultIsAWeek() {
        assertThat(GeneratedPasswordLifespan.fromConfig(null).duration()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aPasswordExpiresWhenItsLifespanHasPassed() {
        GeneratedPasswordLifespan day = GeneratedPasswordLifespan.parse("1d").orElseThrow();
        Instant generated = Instant.parse("2026-12-01T08:00:00Z");

        assertThat(day.hasExpired(generated, generated.plus(Duration.ofHours(23)))).isFalse();
        assertThat(day.hasExpired(generated, generated.plus(Duration.ofDays(1)))).isTrue();
        assertThat(day.hasExpired(generated, generated.plus(Duration.ofDays(3)))).isTrue();
    }
}

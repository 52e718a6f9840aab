package tw.ecpa.keycloak.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RocDateTest {

    @ParameterizedTest
    @CsvSource({
        "2026-11-27, 民國 115 年 11 月 27 日",
        "2013-06-27, 民國 102 年 06 月 27 日", // the guide's page header
        "2010-01-05, 民國 99 年 01 月 05 日",
        "1912-01-01, 民國 1 年 01 月 01 日",
    })
    void displaysAsThePageHeaderDoes(LocalDate date, String shown) {
        assertThat(RocDate.display(date)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({
        "1980-05-12, 0690512",
        "2026-11-27, 1151127",
        "1912-01-01, 0010101",
    })
    void compactFormRoundTrips(LocalDate date, String compact) {
        assertThat(RocDate.compact(date)).isEqualTo(compact);
        assertThat(RocDate.parseCompact(compact)).contains(date);
    }

    @Test
    void noCompactFormBeforeTheRepublic() {
        assertThatThrownBy(() -> RocDate.compact(LocalDate.of(1911, 12, 31))).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "690512",    // two-digit year
        "0690230",   // February 30th
        "0691301",   // month 13
        "0000512",   // year 0
        "069-512",   // not digits
        "０６９０５１２", // full width
        " 0690512",  // space
        "06905121",  // too long
    })
    void refusesAnythingElse(String text) {
        assertThat(RocDate.parseCompact(text)).isEmpty();
        assertThat(RocDate.isCompact(text)).isFalse();
    }
}

package tw.ecpa.keycloak.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NationalIdMaskTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "S223456662, S2*****662",   // the guide's example
        "A123456789, A1*****789",
        "AC01234567, AC*****567",
        "ABCDEF, AB*DEF",
        "ABCDE, *****",
        "'', ''",
        "NULL, NULL",
    })
    void masksAsTheGuideShows(String id, String masked) {
        assertThat(NationalIdMask.mask(id)).isEqualTo(masked);
    }
}

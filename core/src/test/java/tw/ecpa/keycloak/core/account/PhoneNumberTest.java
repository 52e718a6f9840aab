package tw.ecpa.keycloak.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0223979298|0223979298",
            "02-2397-9298|0223979298",
            "(02)2397-9298|0223979298",
            "(02) 2397 9298|0223979298",
            "+886 2 2397 9298|0223979298",
            "+886-2-2397-9298|0223979298",
            "+886 (0)2 2397 9298|0223979298",
            "0912-345-678|0912345678",
            "+886 912 345 678|0912345678",
            "（02）2397－9298|0223979298",
    })
    void theUsualWrittenFormsBecomeTheDomesticDigits(String typed, String stored) {
        assertThat(PhoneNumber.normalise(typed)).isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"12345|12345", "call me|callme", "02#2397|02#2397"})
    void whatIsNoPhoneNumberIsLeftForTheProfileToRefuse(String typed, String left) {
        assertThat(PhoneNumber.normalise(typed)).isEqualTo(left);
    }
}

package tw.ecpa.keycloak.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailMaskTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
        "abcdef@example.org, ab***@example.org",
        "daming.wang@demo.ecpa.test, da***@demo.ecpa.test",
        "abc@example.org, ab***@example.org",
        "ab@example.org, a***@example.org",       // never the whole mailbox
        "a@example.org, ***@example.org",
        "@example.org, ***@example.org",
        "\"a@b\"@example.org, \"a***@example.org", // the domain is after the last @
        "not-an-address, ***",
        "'', ***",
        "NULL, NULL",
    })
    void keepsTwoCharactersAndTheDomain(String email, String masked) {
        assertThat(EmailMask.mask(email)).isEqualTo(masked);
    }
}

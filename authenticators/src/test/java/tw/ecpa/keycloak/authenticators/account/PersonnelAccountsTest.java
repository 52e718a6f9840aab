package tw.ecpa.keycloak.authenticators.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import tw.ecpa.keycloak.model.PersonnelLookup;

class PersonnelAccountsTest {

    @ParameterizedTest(name = "\"{0}\" in an event: {1}")
    @CsvSource(delimiter = '|', value = {
            "A123456789|A1*****789",
            "a123456789|A1*****789",
            "A1234 56789|A1*****789",
            "Ａ１２３４５６７８９|A1*****789",
            "A123456788|A1*****788",
            "Daming.Wang|daming.wang"
    })
    void givenWhatWasTypedThenTheEventHoldsAnIdOnlyMasked(String typed, String inTheEvent) {
        assertThat(PersonnelAccounts.forEvents(typed)).isEqualTo(inTheEvent);
    }

    @ParameterizedTest(name = "\"{0}\": no look-up")
    @ValueSource(strings = {"daming\u0000.wang", "A123456789\u0007", "line\nbreak"})
    void givenControlCharactersThenNothingIsLookedUpAndTheEventSaysMalformed(String typed) {
        assertThat(PersonnelLookup.plausible(typed)).isFalse();
        assertThat(PersonnelAccounts.forEvents(typed)).isEqualTo(PersonnelAccounts.MALFORMED);
    }

    @Test
    void givenTextLongerThanAnyAccountThenNothingIsLookedUp() {
        assertThat(PersonnelLookup.plausible("a".repeat(PersonnelLookup.LONGEST_TYPED))).isTrue();
        assertThat(PersonnelLookup.plausible("a".repeat(PersonnelLookup.LONGEST_TYPED + 1))).isFalse();
        assertThat(PersonnelAccounts.forEvents("a".repeat(100_000))).isEqualTo(PersonnelAccounts.MALFORMED);
        assertThat(PersonnelLookup.plausible("   ")).isFalse();
    }
}

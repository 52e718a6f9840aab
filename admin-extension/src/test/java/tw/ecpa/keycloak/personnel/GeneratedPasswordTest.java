package tw.ecpa.keycloak.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratedPasswordTest {

    @Test
    void byDefaultEightCharactersLikeTheGuidesExample() {
        GeneratedPassword password = GeneratedPassword.ofLength(GeneratedPassword.DEFAULT_LENGTH);
        assertThat(password.reveal()).hasSize(8).matches("[A-Z2-9]{8}");
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 10, 16})
    void onlyUnambiguousUpperCaseLettersAndDigits(int length) {
        for (int i = 0; i < 200; i++) {
            String value = GeneratedPassword.ofLength(length).reveal();
            assertThat(value).hasSize(length).doesNotContain("0", "O", "1", "I");
            assertThat(value.chars()).allMatch(c -> GeneratedPassword.ALPHABET.indexOf(c) >= 0);
        }
    }

    @Test
    void everyCharacterOfTheAlphabetTurnsUpAndPasswordsDoNotRepeat() {
        Set<Character> seen = new HashSet<>();
        Set<String> passwords = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String value = GeneratedPassword.ofLength(8).reveal();
            passwords.add(value);
            value.chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(GeneratedPassword.ALPHABET.length());
        assertThat(passwords).hasSize(2000);
    }

    @Test
    void tooShortIsRefused() {
        assertThatThrownBy(() -> GeneratedPassword.ofLength(6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLogLineNeverShowsThePassword() {
        GeneratedPassword password = GeneratedPassword.ofLength(8);
        assertThat(password.toString()).doesNotContain(password.reveal()).contains("8 characters");
    }
}

package tw.ecpa.keycloak.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalNameTest {

    @Test
    void aChineseNameIsWrittenFamilyNameFirstWithoutASpace() {
        assertThat(PersonalName.written("林", "建宏")).isEqualTo("林建宏");
        assertThat(PersonalName.written("歐陽", "娜娜")).isEqualTo("歐陽娜娜");
    }

    @Test
    void aLatinNameIsWrittenGivenNameFirstWithASpace() {
        assertThat(PersonalName.written("Chen", "Mary")).isEqualTo("Mary Chen");
    }

    @Test
    void aMixedNameFollowsTheChineseOrder() {
        assertThat(PersonalName.written("林", "Kevin")).isEqualTo("林Kevin");
    }

    @Test
    void aMissingPartLeavesTheOtherAndNothingGivesAnEmptyName() {
        assertThat(PersonalName.written("林", null)).isEqualTo("林");
        assertThat(PersonalName.written(null, " Mary ")).isEqualTo("Mary");
        assertThat(PersonalName.written(null, null)).isEmpty();
    }
}

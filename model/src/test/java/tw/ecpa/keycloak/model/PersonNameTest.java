package tw.ecpa.keycloak.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.UserModel;

class PersonNameTest {

    private static UserModel person(String lastName, String firstName) {
        UserModel user = mock(UserModel.class);
        when(user.getLastName()).thenReturn(lastName);
        when(user.getFirstName()).thenReturn(firstName);
        when(user.getUsername()).thenReturn("daming.wang");
        return user;
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "王|大明|王大明",
            "Chen|Mary|Mary Chen",
            "歐陽|Mary|歐陽Mary"
    })
    void givenANameOnRecordThenEveryPageAndTheTokenWriteItTheSameWay(String lastName, String firstName, String written) {
        UserModel user = person(lastName, firstName);
        assertThat(PersonName.written(user)).isEqualTo(written);
        assertThat(PersonName.shown(user)).isEqualTo(written);
    }

    @Test
    void givenNoNameOnRecordThenTheTokenHasNoneAndThePagesShowTheAccount() {
        UserModel user = person(null, " ");
        assertThat(PersonName.written(user)).isEmpty();
        assertThat(PersonName.shown(user)).isEqualTo("daming.wang");
    }

    @Test
    void givenNobodyThenTheNameIsEmpty() {
        assertThat(PersonName.written(null)).isEmpty();
        assertThat(PersonName.shown(null)).isEmpty();
    }
}

package tw.ecpa.keycloak.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.NationalId;

class PersonnelRecordTest {

    private final UserModel user = mock(UserModel.class);

    private PersonnelRecord recordWith(String attribute, String value) {
        when(user.getFirstAttribute(attribute)).thenReturn(value);
        return PersonnelRecord.of(user);
    }

    @Nested
    class GivenANationalIdOnRecord {

        @Test
        void whenItIsValidThenItIsTheRecordsId() {
            assertThat(recordWith("nationalId", "A123456789").nationalId()).contains(NationalId.of("A123456789"));
        }

        @Test
        void whenItFailsTheChecksumThenTheRecordHasNoIdButMaskingStillSeesWhatIsStored() {
            PersonnelRecord record = recordWith("nationalId", "A123456788");
            assertThat(record.nationalId()).isEmpty();
            assertThat(record.nationalIdOnRecord()).isEqualTo("A123456788");
        }
    }

    @Nested
    class GivenAnEmploymentStatus {

        @Test
        void whenDepartedThenThePersonHasLeftService() {
            assertThat(recordWith("employmentStatus", "departed").departed()).isTrue();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"serving", "Departed", ""})
        void whenAnythingElseThenThePersonIsNotDeparted(String status) {
            assertThat(recordWith("employmentStatus", status).departed()).isFalse();
        }
    }

    @Nested
    class GivenAnAgencyCode {

        @Test
        void whenPresentThenItNamesThePersonsAgency() {
            assertThat(recordWith("agencyCode", "X10021000A").agencyCode()).contains("X10021000A");
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  "})
        void whenBlankThenThereIsNone(String code) {
            assertThat(recordWith("agencyCode", code).agencyCode()).isEmpty();
        }

        @Test
        void whenTheSameCodeIsWrittenThenTheRecordIsNotTouched() {
            recordWith("agencyCode", "X10021000A").setAgencyCode("X10021000A");
            verify(user, never()).setSingleAttribute("agencyCode", "X10021000A");
        }

        @Test
        void whenAnotherCodeIsWrittenThenItIsStored() {
            recordWith("agencyCode", "X10021000A").setAgencyCode("X10021100B");
            verify(user).setSingleAttribute("agencyCode", "X10021100B");
        }
    }

    @Nested
    class GivenABirthDate {

        @Test
        void whenAnIsoDateThenItIsTheBirthday() {
            assertThat(recordWith("birthDate", " 1980-05-17 ").birthDate()).contains(LocalDate.of(1980, 5, 17));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "69/05/17", "1980-02-30"})
        void whenNoIsoDateThenThereIsNone(String value) {
            assertThat(recordWith("birthDate", value).birthDate()).isEmpty();
        }
    }
}

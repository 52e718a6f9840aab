package tw.ecpa.keycloak.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tw.ecpa.keycloak.model.LoginMethod;
import tw.ecpa.keycloak.personnel.PersonnelRealm.Person;

/**
 * The three ways of resetting, and how the personnel API tells the agency-certificate way from the others: by
 * the notes the certificate login itself leaves in the user session (the names are the login's, taken from
 * the model module that the login writes them with, not copied), so a rename on either side fails here.
 */
class ResetMethodTest {

    private final PersonnelRealm world = new PersonnelRealm();

    @Test
    void theEventsNameTheGuidesThreeWays() {
        assertThat(Arrays.stream(ResetMethod.values()).map(ResetMethod::code))
                .containsExactly("officer", "agency-certificate", "help-desk");
    }

    @Test
    void theAgencyCertificateLoginIsRecognisedByTheCertificateIssuesNotes() {
        Person holder = world.person(PersonnelRealm.OTHER_AGENCY);
        Map<String, String> notesOfTheLogin = Map.of(
                LoginMethod.NOTE, LoginMethod.AGENCY_CERTIFICATE.id(),
                LoginMethod.ACTING_AGENCY_NOTE, PersonnelRealm.AGENCY);

        Caller caller = world.callerOf(world.request(holder, Caller.CERTIFICATE_ACR, notesOfTheLogin));

        assertThat(caller.requireMethod()).isEqualTo(ResetMethod.AGENCY_CERTIFICATE);
        assertThat(caller.agencyCode()).as("the agency the card acts for, not the person's").isEqualTo(PersonnelRealm.AGENCY);
        assertThat(caller.scope().agencyCodes()).containsExactly(PersonnelRealm.AGENCY);
        assertThat(ResetMethod.AGENCY_CERTIFICATE.code()).as("the LOGIN event and the reset's admin event name the way alike")
                .isEqualTo(LoginMethod.AGENCY_CERTIFICATE.id());
    }

    @Test
    void aCitizenCertificateLoginIsNoAgencyCertificateLoginWhateverElseItsSessionHolds() {
        Person person = world.person(PersonnelRealm.AGENCY);
        Map<String, String> citizenCard = Map.of(
                LoginMethod.NOTE, LoginMethod.CERTIFICATE.id(),
                LoginMethod.ACTING_AGENCY_NOTE, PersonnelRealm.AGENCY);

        assertThat(world.callerOf(world.request(person, Caller.CERTIFICATE_ACR, citizenCard)).method()).isEmpty();
    }

    @Test
    void theOperatorNamesTheWaysThatNeedTheCardByTheirCodes() {
        for (ResetMethod method : ResetMethod.values()) {
            assertThat(PersonnelSettings.methods(method.code())).containsExactly(method);
        }
    }
}

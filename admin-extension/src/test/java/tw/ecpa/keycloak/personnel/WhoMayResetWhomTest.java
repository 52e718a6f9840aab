package tw.ecpa.keycloak.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.personnel.PersonnelRealm.Person;

/**
 * Whom each caller may reset: the caller as {@link Caller} resolves them, the person as
 * {@link PersonnelDirectory} finds them within the caller's scope, then {@link ResetTargetRule} and the
 * employment status, in the order the personnel API checks a reset request. "reset" or the problem answered.
 */
class WhoMayResetWhomTest {

    enum CallerKind { AUTHORISED_OFFICER, OFFICER_WITHOUT_GRANT, CHIEF, HELP_DESK, AGENCY_CERTIFICATE, NO_ROLE }

    enum TargetKind {
        OWN_AGENCY, SUB_AGENCY, CONCURRENT_AGENCY, OTHER_AGENCY, DEPARTED, OFFICER, CHIEF, HELP_DESK, ADMINISTRATOR,
        ADMINS_ROLE, PROTECTED_ROLE
    }

    private final PersonnelRealm world = new PersonnelRealm();
    private final PersonnelSettings settings = new PersonnelSettings(12, 30, 300, PersonnelSettings.DEFAULTS.certificateLevelFor(),
            Set.of("auditor"), 120);

    @ParameterizedTest(name = "{0} resets {1}: {2}")
    @CsvSource({
            "AUTHORISED_OFFICER, OWN_AGENCY, reset",
            "AUTHORISED_OFFICER, SUB_AGENCY, PERSON_NOT_REACHABLE",
            "AUTHORISED_OFFICER, CONCURRENT_AGENCY, reset",
            "AUTHORISED_OFFICER, OTHER_AGENCY, PERSON_NOT_REACHABLE",
            "AUTHORISED_OFFICER, DEPARTED, PERSON_DEPARTED",
            "AUTHORISED_OFFICER, OFFICER, PERSON_NOT_REACHABLE",
            "AUTHORISED_OFFICER, CHIEF, PERSON_NOT_REACHABLE",
            "AUTHORISED_OFFICER, HELP_DESK, PERSON_NOT_REACHABLE",
            "AUTHORISED_OFFICER, ADMINISTRATOR, PERSON_NOT_REACHABLE",

            "OFFICER_WITHOUT_GRANT, OWN_AGENCY, NOT_AUTHORISED",
            "OFFICER_WITHOUT_GRANT, CONCURRENT_AGENCY, NOT_AUTHORISED",
            "OFFICER_WITHOUT_GRANT, DEPARTED, NOT_AUTHORISED",

            "CHIEF, OWN_AGENCY, reset",
            "CHIEF, SUB_AGENCY, PERSON_NOT_REACHABLE",
            "CHIEF, CONCURRENT_AGENCY, PERSON_NOT_REACHABLE",
            "CHIEF, OTHER_AGENCY, PERSON_NOT_REACHABLE",
            "CHIEF, DEPARTED, PERSON_DEPARTED",
            "CHIEF, OFFICER, reset",
            "CHIEF, CHIEF, PERSON_NOT_REACHABLE",
            "CHIEF, HELP_DESK, PERSON_NOT_REACHABLE",
            "CHIEF, ADMINISTRATOR, PERSON_NOT_REACHABLE",

            "HELP_DESK, OWN_AGENCY, reset",
            "HELP_DESK, SUB_AGENCY, reset",
            "HELP_DESK, CONCURRENT_AGENCY, reset",
            "HELP_DESK, OTHER_AGENCY, reset",
            "HELP_DESK, DEPARTED, PERSON_DEPARTED",
            "HELP_DESK, OFFICER, reset",
            "HELP_DESK, CHIEF, reset",
            "HELP_DESK, HELP_DESK, PERSON_NOT_REACHABLE",
            "HELP_DESK, ADMINISTRATOR, PERSON_NOT_REACHABLE",
            "HELP_DESK, ADMINS_ROLE, PERSON_NOT_REACHABLE",
            "HELP_DESK, PROTECTED_ROLE, PERSON_NOT_REACHABLE",

            "AGENCY_CERTIFICATE, OWN_AGENCY, reset",
            "AGENCY_CERTIFICATE, SUB_AGENCY, PERSON_NOT_REACHABLE",
            "AGENCY_CERTIFICATE, CONCURRENT_AGENCY, PERSON_NOT_REACHABLE",
            "AGENCY_CERTIFICATE, OTHER_AGENCY, PERSON_NOT_REACHABLE",
            "AGENCY_CERTIFICATE, DEPARTED, PERSON_DEPARTED",
            "AGENCY_CERTIFICATE, OFFICER, PERSON_NOT_REACHABLE",
            "AGENCY_CERTIFICATE, CHIEF, PERSON_NOT_REACHABLE",
            "AGENCY_CERTIFICATE, HELP_DESK, PERSON_NOT_REACHABLE",

            "NO_ROLE, OWN_AGENCY, NOT_AUTHORISED",
            "NO_ROLE, DEPARTED, NOT_AUTHORISED",
    })
    void eachCallerReachesOnlyThePeopleTheGuideGivesThem(CallerKind callerKind, TargetKind targetKind, String expected) {
        Person chief = world.chief();
        Person target = target(targetKind);
        Caller caller = Caller.of(world.session, world.realm, world.certificateLogin(caller(callerKind, chief)), settings);
        if (callerKind == CallerKind.AGENCY_CERTIFICATE) {
            caller = Caller.of(world.session, world.realm, world.request(world.person(PersonnelRealm.OTHER_AGENCY), Caller.CERTIFICATE_ACR,
                    Map.of(PersonnelRealm.LOGIN_METHOD_NOTE, PersonnelRealm.AGENCY_CERTIFICATE_LOGIN, PersonnelRealm.ACTING_AGENCY_NOTE, PersonnelRealm.AGENCY)),
                    settings);
        }

        assertThat(outcome(caller, target)).isEqualTo(expected);
    }

    private Person caller(CallerKind kind, Person chief) {
        return switch (kind) {
            case AUTHORISED_OFFICER -> world.authorisedOfficer(chief, PersonnelRealm.CONCURRENT_AGENCY);
            case OFFICER_WITHOUT_GRANT -> world.person(PersonnelRealm.AGENCY).holding(Caller.ROLE_OFFICER);
            case CHIEF -> chief;
            case HELP_DESK -> world.person(PersonnelRealm.OTHER_AGENCY).holding(Caller.ROLE_HELP_DESK);
            case AGENCY_CERTIFICATE, NO_ROLE -> world.person(PersonnelRealm.AGENCY);
        };
    }

    private Person target(TargetKind kind) {
        return switch (kind) {
            case OWN_AGENCY -> world.person(PersonnelRealm.AGENCY);
            case SUB_AGENCY -> world.person(PersonnelRealm.SUB_AGENCY);
            case CONCURRENT_AGENCY -> world.person(PersonnelRealm.CONCURRENT_AGENCY);
            case OTHER_AGENCY -> world.person(PersonnelRealm.OTHER_AGENCY);
            case DEPARTED -> world.person(PersonnelRealm.AGENCY).departed();
            case OFFICER -> world.person(PersonnelRealm.AGENCY).holding(Caller.ROLE_OFFICER);
            case CHIEF -> world.person(PersonnelRealm.AGENCY).holding(Caller.ROLE_CHIEF);
            case HELP_DESK -> world.person(PersonnelRealm.AGENCY).holding(Caller.ROLE_HELP_DESK);
            case ADMINISTRATOR -> world.person(PersonnelRealm.AGENCY).administrator();
            case ADMINS_ROLE -> world.person(PersonnelRealm.AGENCY).inAdminsRole();
            case PROTECTED_ROLE -> world.person(PersonnelRealm.AGENCY).holding("auditor");
        };
    }

    private String outcome(Caller caller, Person target) {
        try {
            ResetMethod method = caller.requireMethod();
            UserModel person = new PersonnelDirectory(world.session, world.realm).find(target.nationalId(), caller.scope());
            new ResetTargetRule(world.realm, settings.protectedRoles()).require(caller, method, person);
            if (tw.ecpa.keycloak.model.PersonnelRecord.of(person).departed()) {
                throw PersonnelProblem.PERSON_DEPARTED.exception();
            }
            return "reset";
        } catch (PersonnelException e) {
            return e.problem().name();
        }
    }
}

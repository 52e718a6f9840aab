package tw.ecpa.keycloak.personnel;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.NationalId;

/**
 * Finds personnel records by national ID, within the caller's scope only. Nobody found, several found
 * (a data error) and out of scope give the same {@link PersonnelProblem#PERSON_NOT_REACHABLE}.
 */
final class PersonnelDirectory {

    static final String NATIONAL_ID = "nationalId";
    static final String EMPLOYMENT_STATUS = "employmentStatus";
    static final String DEPARTED = "departed";

    private final KeycloakSession session;
    private final RealmModel realm;

    PersonnelDirectory(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Normalises what an officer typed (full-width digits, lower case) and insists on a valid ID. */
    static NationalId parse(String typed) {
        return NationalId.parse(NationalId.normalise(typed)).orElseThrow(PersonnelProblem.BAD_NATIONAL_ID::exception);
    }

    UserModel find(NationalId nationalId, AgencyScope scope) {
        List<UserModel> found = session.users()
                .searchForUserByUserAttributeStream(realm, NATIONAL_ID, nationalId.value())
                .limit(2)
                .toList();
        if (found.size() != 1) {
            throw PersonnelProblem.PERSON_NOT_REACHABLE.exception();
        }
        UserModel person = found.get(0);
        if (!scope.reaches(person.getFirstAttribute(Caller.AGENCY_CODE))) {
            throw PersonnelProblem.PERSON_NOT_REACHABLE.exception();
        }
        return person;
    }

    UserModel findById(String userId, AgencyScope scope) {
        UserModel person = userId == null ? null : session.users().getUserById(realm, userId);
        if (person == null || !scope.reaches(person.getFirstAttribute(Caller.AGENCY_CODE))) {
            throw PersonnelProblem.PERSON_NOT_REACHABLE.exception();
        }
        return person;
    }

    static boolean isDeparted(UserModel person) {
        return DEPARTED.equals(person.getFirstAttribute(EMPLOYMENT_STATUS));
    }
}

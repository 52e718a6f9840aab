package tw.ecpa.keycloak.personnel;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.model.PersonnelLookup;
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * Finds personnel records by national ID, within the caller's scope only. Nobody found, several found
 * (a data error) and out of scope give the same {@link PersonnelProblem#PERSON_NOT_REACHABLE}.
 */
final class PersonnelDirectory {

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
        UserModel person = new PersonnelLookup(session, realm).byNationalId(nationalId)
                .orElseThrow(PersonnelProblem.PERSON_NOT_REACHABLE::exception);
        if (!reaches(scope, person)) {
            throw PersonnelProblem.PERSON_NOT_REACHABLE.exception();
        }
        return person;
    }

    UserModel findById(String userId, AgencyScope scope) {
        UserModel person = userId == null ? null : session.users().getUserById(realm, userId);
        if (person == null || !reaches(scope, person)) {
            throw PersonnelProblem.PERSON_NOT_REACHABLE.exception();
        }
        return person;
    }

    private static boolean reaches(AgencyScope scope, UserModel person) {
        return scope.reaches(PersonnelRecord.of(person).agencyCode().orElse(null));
    }
}

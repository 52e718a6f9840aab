package tw.ecpa.keycloak.authenticators.gate;

import java.util.Optional;

import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.NationalId;

/** The personnel-record facts of a user that certificate login needs: the national ID and whether the person has left service. */
public final class PersonnelRecord {

    static final String NATIONAL_ID_ATTRIBUTE = "nationalId";
    static final String EMPLOYMENT_STATUS_ATTRIBUTE = "employmentStatus";
    static final String DEPARTED = "departed";

    private PersonnelRecord() {
    }

    /** 卸職: non-serving staff cannot log in. */
    public static boolean departed(UserModel user) {
        return DEPARTED.equals(user.getFirstAttribute(EMPLOYMENT_STATUS_ATTRIBUTE));
    }

    public static Optional<NationalId> nationalId(UserModel user) {
        return NationalId.parse(user.getFirstAttribute(NATIONAL_ID_ATTRIBUTE));
    }
}

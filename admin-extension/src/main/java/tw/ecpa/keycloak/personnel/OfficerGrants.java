package tw.ecpa.keycloak.personnel;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import tw.ecpa.keycloak.model.Agencies;
import tw.ecpa.keycloak.model.OfficerGrantAttributes;
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * What a personnel chief granted an officer (【權限與兼辦管理】): the reset permission and the agencies
 * handled concurrently (兼辦). Kept as user attributes that the realm's user profile leaves unmanaged
 * ({@code ADMIN_VIEW}): the officer cannot edit them in the account console, only this API writes
 * them, and every write is an admin event.
 *
 * <p>A grant is tied to the agency the officer served in when it was given and to the chief who gave it:
 * it stops applying when the officer moves to another agency, or when the grantor is no longer a serving
 * chief over the officer's agency (and the officer role itself is checked on every request), so a grant
 * never outlives the situation it was made for, even if a role is later given back. The personnel database's
 * sync also clears the attributes at such a move, so that the console shows no grant that no longer applies.
 */
final class OfficerGrants {

    static final String RESET_GRANTED = OfficerGrantAttributes.RESET_GRANTED;
    static final String CONCURRENT_AGENCIES = OfficerGrantAttributes.CONCURRENT_AGENCIES;
    static final String GRANTED_FOR_AGENCY = OfficerGrantAttributes.GRANTED_FOR_AGENCY;
    static final String GRANTED_BY = OfficerGrantAttributes.GRANTED_BY;

    private OfficerGrants() {
    }

    /** Whether the officer's grants (reset permission, concurrent agencies) still apply. */
    static boolean apply(KeycloakSession session, RealmModel realm, Agencies agencies, UserModel officer) {
        String agency = PersonnelRecord.of(officer).agencyCode().orElse(null);
        if (agency == null || !agency.equals(officer.getFirstAttribute(GRANTED_FOR_AGENCY))) {
            return false;
        }
        String grantorId = officer.getFirstAttribute(GRANTED_BY);
        UserModel grantor = grantorId == null ? null : session.users().getUserById(realm, grantorId);
        return grantor != null && grantor.isEnabled() && !PersonnelRecord.of(grantor).departed()
                && Caller.hasRole(realm, grantor, Caller.ROLE_CHIEF)
                && agencies.isWithin(agency, PersonnelRecord.of(grantor).agencyCode().orElse(null));
    }

    static boolean resetGranted(UserModel officer) {
        return "true".equals(officer.getFirstAttribute(RESET_GRANTED));
    }

    static List<String> concurrentAgencies(UserModel officer) {
        return officer.getAttributeStream(CONCURRENT_AGENCIES).filter(c -> c != null && !c.isBlank()).distinct().toList();
    }

    static void write(UserModel officer, boolean resetGranted, List<String> concurrentAgencies, UserModel grantor) {
        if (resetGranted) {
            officer.setSingleAttribute(RESET_GRANTED, "true");
        } else {
            officer.removeAttribute(RESET_GRANTED);
        }
        if (concurrentAgencies.isEmpty()) {
            officer.removeAttribute(CONCURRENT_AGENCIES);
        } else {
            officer.setAttribute(CONCURRENT_AGENCIES, concurrentAgencies);
        }
        if (resetGranted || !concurrentAgencies.isEmpty()) {
            officer.setSingleAttribute(GRANTED_FOR_AGENCY, PersonnelRecord.of(officer).agencyCode().orElse(null));
            officer.setSingleAttribute(GRANTED_BY, grantor.getId());
        } else {
            officer.removeAttribute(GRANTED_FOR_AGENCY);
            officer.removeAttribute(GRANTED_BY);
        }
    }
}

package tw.ecpa.keycloak.personnel;

import java.util.List;

import org.keycloak.models.UserModel;

/**
 * What a personnel chief granted an officer (【權限與兼辦管理】): the reset permission and the agencies
 * handled concurrently (兼辦). Kept as user attributes that the realm's user profile leaves unmanaged
 * ({@code ADMIN_VIEW}): the officer cannot edit them in the account console, only this API writes
 * them, and every write is an admin event.
 */
final class OfficerGrants {

    static final String RESET_GRANTED = "ecpaResetGranted";
    static final String CONCURRENT_AGENCIES = "ecpaConcurrentAgencies";

    private OfficerGrants() {
    }

    static boolean resetGranted(UserModel officer) {
        return "true".equals(officer.getFirstAttribute(RESET_GRANTED));
    }

    static List<String> concurrentAgencies(UserModel officer) {
        return officer.getAttributeStream(CONCURRENT_AGENCIES).filter(c -> c != null && !c.isBlank()).distinct().toList();
    }

    static void write(UserModel officer, boolean resetGranted, List<String> concurrentAgencies) {
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
    }
}

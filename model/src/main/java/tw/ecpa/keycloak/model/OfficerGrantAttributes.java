package tw.ecpa.keycloak.model;

import java.util.List;

/**
 * The user attributes that hold what a personnel chief granted an officer (【權限與兼辦管理】): the reset
 * permission, the agencies handled concurrently (兼辦), the agency the grant was made for and the chief who
 * made it. The personnel API writes and reads them (admin-extension's {@code OfficerGrants}); the personnel
 * database's sync clears them when the officer moves to another agency. Here, in the shared vocabulary, so
 * that both name the same attributes without depending on each other.
 */
public final class OfficerGrantAttributes {

    /** {@code true} when the officer may reset passwords. */
    public static final String RESET_GRANTED = "ecpaResetGranted";
    /** The codes of the agencies the officer handles concurrently (兼辦), one value each. */
    public static final String CONCURRENT_AGENCIES = "ecpaConcurrentAgencies";
    /** The officer's agency when the grant was made: the grant applies only while the officer is still there. */
    public static final String GRANTED_FOR_AGENCY = "ecpaGrantedForAgency";
    /** The id of the chief who made the grant. */
    public static final String GRANTED_BY = "ecpaGrantedBy";

    /** Every attribute of a grant: removing all of them leaves the officer with none. */
    public static final List<String> ALL = List.of(RESET_GRANTED, CONCURRENT_AGENCIES, GRANTED_FOR_AGENCY, GRANTED_BY);

    private OfficerGrantAttributes() {
    }
}

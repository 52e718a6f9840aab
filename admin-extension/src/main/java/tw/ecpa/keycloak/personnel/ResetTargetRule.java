package tw.ecpa.keycloak.personnel;

import java.util.Set;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Who may be the target of a reset, on top of the agency scope. A reset hands its target's account to
 * whoever can read the letter and knows the birthday, so it must never reach further than the caller
 * already does: an officer or an agency-card holder resets the staff of their scope; a personnel chief
 * also their officers; the help desk staff, officers and chiefs. Nobody resets, through this API, the
 * help desk, anyone holding a {@code realm-management} role (a realm administrator), or a holder of a
 * role the operator lists as protected ({@code protected-roles}).
 */
final class ResetTargetRule {

    /** What the target is, from the strongest role they hold. */
    enum Standing { STAFF, OFFICER, CHIEF, HELP_DESK, PRIVILEGED }

    private final RealmModel realm;
    private final Set<String> protectedRoles;

    ResetTargetRule(RealmModel realm, Set<String> protectedRoles) {
        this.realm = realm;
        this.protectedRoles = protectedRoles;
    }

    Standing standingOf(UserModel person) {
        if (holdsRealmManagementRole(person) || protectedRoles.stream().anyMatch(name -> Caller.hasRole(realm, person, name))) {
            return Standing.PRIVILEGED;
        }
        if (Caller.hasRole(realm, person, Caller.ROLE_HELP_DESK)) {
            return Standing.HELP_DESK;
        }
        if (Caller.hasRole(realm, person, Caller.ROLE_CHIEF)) {
            return Standing.CHIEF;
        }
        if (Caller.hasRole(realm, person, Caller.ROLE_OFFICER)) {
            return Standing.OFFICER;
        }
        return Standing.STAFF;
    }

    static boolean mayReset(ResetMethod method, boolean callerIsChief, Standing target) {
        return switch (target) {
            case STAFF -> true;
            case OFFICER -> method == ResetMethod.HELP_DESK || method == ResetMethod.OFFICER && callerIsChief;
            case CHIEF -> method == ResetMethod.HELP_DESK;
            case HELP_DESK, PRIVILEGED -> false;
        };
    }

    /** Refuses, with the answer of "not reachable", a target this caller may not reset. */
    void require(Caller caller, ResetMethod method, UserModel person) {
        if (!mayReset(method, caller.isChief(), standingOf(person))) {
            throw PersonnelProblem.PERSON_NOT_REACHABLE.exception();
        }
    }

    private boolean holdsRealmManagementRole(UserModel person) {
        ClientModel realmManagement = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        if (realmManagement == null) {
            return false;
        }
        return realmManagement.getRolesStream().anyMatch(person::hasRole)
                || person.getRealmRoleMappingsStream().anyMatch(role -> reachesClientRoleOf(role, realmManagement));
    }

    /** A realm role that is a composite of realm-management roles (an operator's "admins" role). */
    private static boolean reachesClientRoleOf(RoleModel role, ClientModel client) {
        return role.isComposite() && client.getRolesStream().anyMatch(role::hasRole);
    }
}

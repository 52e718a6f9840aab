package tw.ecpa.keycloak.personnel;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;
import tw.ecpa.keycloak.model.AccountLock;
import tw.ecpa.keycloak.model.Agencies;
import tw.ecpa.keycloak.model.LoginMethod;
import tw.ecpa.keycloak.model.PersonName;
import tw.ecpa.keycloak.model.PersonnelOfficeRoles;
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * Who is asking, decided on the server from the authenticated admin request: the realm user behind the
 * bearer token, their roles and grants, and how they logged in. One method per caller, in the guide's
 * order of precedence: an agency-certificate login acts for that agency only, whatever the person's
 * roles; then the help desk; then a personnel chief or an authorised officer.
 */
final class Caller {

    static final String ROLE_OFFICER = PersonnelOfficeRoles.OFFICER;
    static final String ROLE_CHIEF = PersonnelOfficeRoles.CHIEF;
    static final String ROLE_HELP_DESK = PersonnelOfficeRoles.HELP_DESK;

    /** The {@code acr} of a certificate login (the realm template's {@code acr.loa.map}). */
    static final String CERTIFICATE_ACR = "certificate";

    private final UserModel user;
    private final ResetMethod method;
    private final String agencyCode;
    private final AgencyScope scope;
    private final boolean chief;
    /** The caller's way of resetting needs a certificate login, and this token's login was not one. */
    private final boolean certificateLevelMissing;

    private Caller(UserModel user, ResetMethod method, String agencyCode, AgencyScope scope, boolean chief,
                   boolean certificateLevelMissing) {
        this.user = user;
        this.method = method;
        this.agencyCode = agencyCode;
        this.scope = scope;
        this.chief = chief;
        this.certificateLevelMissing = certificateLevelMissing;
    }

    /**
     * The caller of this request, checked afresh on every request: a token outlives a departure, a
     * lockout or a removed role, so neither the token's roles nor its age count, only the record now.
     * Refuses (403) a caller who is no longer in good standing.
     */
    static Caller of(KeycloakSession session, RealmModel realm, AdminAuth auth, PersonnelSettings settings) {
        UserModel user = auth.getUser();
        // A token of another realm (master administrators) has no place in the personnel office.
        if (user == null || !realm.equals(auth.getRealm()) || !inGoodStanding(session, realm, user)) {
            throw PersonnelProblem.NOT_AUTHORISED.exception();
        }
        String ownAgency = PersonnelRecord.of(user).agencyCode().orElse(null);
        boolean chief = hasRole(realm, user, ROLE_CHIEF);
        boolean certificateLogin = CERTIFICATE_ACR.equals(auth.getToken().getAcr());

        Optional<String> actingAgency = LoginMethod.actingAgency(userSessionOf(session, realm, auth.getToken()));
        if (actingAgency.isPresent()) {
            return new Caller(user, ResetMethod.AGENCY_CERTIFICATE, actingAgency.get(), AgencyScope.of(Set.of(actingAgency.get())),
                    false, false);
        }
        if (hasRole(realm, user, ROLE_HELP_DESK)) {
            return new Caller(user, ResetMethod.HELP_DESK, ownAgency, AgencyScope.wholeRealm(), false,
                    settings.certificateLevelFor().contains(ResetMethod.HELP_DESK) && !certificateLogin);
        }
        boolean grantsApply = OfficerGrants.apply(session, realm, new Agencies(session, realm), user);
        if (chief || hasRole(realm, user, ROLE_OFFICER) && grantsApply && OfficerGrants.resetGranted(user)) {
            Set<String> codes = new LinkedHashSet<>();
            codes.add(ownAgency);
            if (grantsApply) {
                codes.addAll(OfficerGrants.concurrentAgencies(user));
            }
            return new Caller(user, ResetMethod.OFFICER, ownAgency, AgencyScope.of(codes), chief,
                    settings.certificateLevelFor().contains(ResetMethod.OFFICER) && !certificateLogin);
        }
        return new Caller(user, null, ownAgency, AgencyScope.of(Set.of()), chief, false);
    }

    /**
     * Whether the person may reset passwords at all in this login, by the same rules as {@link #of}: the
     * agency-certificate login, the help desk, a personnel chief, or an officer whose reset grant applies.
     * The portal's 【權限與兼辦管理】 menu item is shown by it; the API still decides every request itself.
     */
    static boolean mayReset(KeycloakSession session, RealmModel realm, UserModel user, UserSessionModel login) {
        if (user == null || !inGoodStanding(session, realm, user)) {
            return false;
        }
        return LoginMethod.actingAgency(login).isPresent() || hasRole(realm, user, ROLE_HELP_DESK) || hasRole(realm, user, ROLE_CHIEF)
                || hasRole(realm, user, ROLE_OFFICER) && OfficerGrants.apply(session, realm, new Agencies(session, realm), user)
                && OfficerGrants.resetGranted(user);
    }

    /** Serving (not 卸職), enabled, and not locked by brute-force detection. */
    private static boolean inGoodStanding(KeycloakSession session, RealmModel realm, UserModel user) {
        return user.isEnabled() && !PersonnelRecord.of(user).departed() && !AccountLock.isLocked(session, realm, user);
    }

    private static UserSessionModel userSessionOf(KeycloakSession session, RealmModel realm, AccessToken token) {
        if (token == null || token.getSessionId() == null) {
            return null;
        }
        return session.sessions().getUserSession(realm, token.getSessionId());
    }

    static boolean hasRole(RealmModel realm, UserModel user, String roleName) {
        RoleModel role = realm.getRole(roleName);
        return role != null && user.hasRole(role);
    }

    UserModel user() {
        return user;
    }

    /** Empty when the caller may not reset at all: the guide's advice is then the agency certificate. */
    Optional<ResetMethod> method() {
        return Optional.ofNullable(method);
    }

    ResetMethod requireMethod() {
        ResetMethod required = method().orElseThrow(PersonnelProblem.NOT_AUTHORISED::exception);
        if (certificateLevelMissing) {
            throw PersonnelProblem.CERTIFICATE_LEVEL_REQUIRED.exception();
        }
        return required;
    }

    /** The caller may reset, but only after a certificate login (the console then asks for the card). */
    boolean certificateLevelMissing() {
        return certificateLevelMissing;
    }

    /** The agency the caller acts for: the certificate's, else their own. */
    String agencyCode() {
        return agencyCode;
    }

    AgencyScope scope() {
        return scope;
    }

    /** A personnel chief in a personal login manages the officers of their agency. */
    boolean isChief() {
        return chief && method == ResetMethod.OFFICER && !certificateLevelMissing;
    }

    String displayName() {
        return PersonName.shown(user);
    }
}

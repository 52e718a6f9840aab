package tw.ecpa.keycloak.model;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * Whether Keycloak's brute-force detection holds the person locked, temporarily or for good, for the
 * places outside a login step that must respect it (the personnel API's caller, the birthday step); a
 * login step asks Keycloak's {@code AuthenticatorUtils.getDisabledByBruteForceEventError} instead, which
 * also names the event error.
 */
public final class AccountLock {

    private AccountLock() {
    }

    public static boolean isLocked(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isBruteForceProtected()) {
            return false;
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        return protector != null
                && (protector.isTemporarilyDisabled(session, realm, user) || protector.isPermanentlyLockedOut(session, realm, user));
    }
}

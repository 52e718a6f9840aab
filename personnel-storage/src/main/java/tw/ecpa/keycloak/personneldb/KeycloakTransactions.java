package tw.ecpa.keycloak.personneldb;

import java.util.function.Function;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageUtil;
import org.keycloak.vault.VaultStringSecret;

import tw.ecpa.keycloak.model.Agencies;

/**
 * The sync's Keycloak side, the way Keycloak's LDAP import works: every transaction a session of its own from
 * the session factory, with the realm in its context, writing to the realm's own user store and evicting
 * what it changed from the user cache.
 */
final class KeycloakTransactions implements PersonnelSync.Keycloak {

    private final KeycloakSessionFactory sessionFactory;
    private final String realmId;

    KeycloakTransactions(KeycloakSessionFactory sessionFactory, String realmId) {
        this.sessionFactory = sessionFactory;
        this.realmId = realmId;
    }

    /** Through the realm's vault, as LDAP's bind credential is: a plain value comes back as it is. */
    @Override
    public String resolvePassword(String configured) {
        if (configured == null || configured.isEmpty()) {
            return configured;
        }
        return inSession(session -> resolvePassword(session, configured));
    }

    /** The configured password through this session's realm vault; also what a login's look-up connects with. */
    static String resolvePassword(KeycloakSession session, String configured) {
        if (configured == null || configured.isEmpty()) {
            return configured;
        }
        try (VaultStringSecret secret = session.vault().getStringSecret(configured)) {
            return secret.get().orElseThrow(() -> new ModelException(
                    "The personnel database password names a vault secret that the vault does not hold"));
        }
    }

    @Override
    public <T> T inTransaction(Function<RealmStore, T> work) {
        return inSession(session -> {
            RealmModel realm = session.getContext().getRealm();
            Agencies agencies = new Agencies(session, realm);
            UserCache cache = UserStorageUtil.userCache(session);
            UserProvider localUsers = UserStoragePrivateUtil.userLocalStorage(session);
            RealmStore store = new RealmStore(realm, localUsers, agencies::byCode,
                    user -> {
                        if (cache != null) {
                            cache.evict(realm, user);
                        }
                    },
                    user -> endSessions(session, realm, localUsers, user));
            return work.apply(store);
        });
    }

    /**
     * Ends the person's sessions as the admin console's "Sign out" does: every token issued until now stops being
     * accepted (the user's not-before), and Keycloak's session store removes their sessions. The admin console also
     * sends each application a back-channel logout; that needs an HTTP request's context, which a sync running on
     * the timer does not have, so the applications learn it when they next refresh or introspect a token.
     */
    static void endSessions(KeycloakSession session, RealmModel realm, UserProvider localUsers, UserModel user) {
        localUsers.setNotBeforeForUser(realm, user, Time.currentTime());
        session.sessions().removeUserSessions(realm, user);
    }

    private <T> T inSession(Function<KeycloakSession, T> work) {
        return KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            return work.apply(session);
        });
    }
}

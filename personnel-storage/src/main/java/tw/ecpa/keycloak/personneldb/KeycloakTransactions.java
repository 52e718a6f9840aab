package tw.ecpa.keycloak.personneldb;

import java.util.function.Function;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
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
            RealmStore store = new RealmStore(realm, UserStoragePrivateUtil.userLocalStorage(session), agencies::byCode,
                    user -> {
                        if (cache != null) {
                            cache.evict(realm, user);
                        }
                    });
            return work.apply(store);
        });
    }

    private <T> T inSession(Function<KeycloakSession, T> work) {
        return KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            return work.apply(session);
        });
    }
}

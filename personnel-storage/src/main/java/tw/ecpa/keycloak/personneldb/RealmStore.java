package tw.ecpa.keycloak.personneldb;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;

/**
 * What one Keycloak transaction of a sync works with: the realm, its own user store, its agencies, a way to
 * drop a changed user from Keycloak's user cache and a way to end a user's sessions. Gathered here so that
 * {@link RowImport} depends on no session plumbing.
 */
record RealmStore(RealmModel realm, UserProvider localUsers, Function<String, Optional<GroupModel>> agencyByCode,
                  Consumer<UserModel> evictFromCache, Consumer<UserModel> endSessions) {
}

package tw.ecpa.keycloak.authenticators;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A login step that finds the person itself (by card, by ID or account, by what a reset letter asks
 * for), so it needs nobody identified before it, applies to everyone, and sets no required action of its
 * own: the first-login actions come from the required actions' own triggers.
 */
public interface IdentifyingStep extends Authenticator {

    @Override
    default boolean requiresUser() {
        return false;
    }

    @Override
    default boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    default void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    default void close() {
    }
}

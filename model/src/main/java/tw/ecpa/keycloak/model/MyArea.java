package tw.ecpa.keycloak.model;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * 我的專區, the person's own area of the portal: Keycloak's account console of the realm, themed
 * {@code ecpa}. The letters that tell someone how to log in next (a reset's new password, the first
 * login's ways in) link to it.
 */
public final class MyArea {

    private MyArea() {
    }

    /** Its address as this request reached the server (the hostname Keycloak is configured with). */
    public static String url(KeycloakSession session, RealmModel realm) {
        return session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(realm.getName()).path("account").build().toString();
    }
}

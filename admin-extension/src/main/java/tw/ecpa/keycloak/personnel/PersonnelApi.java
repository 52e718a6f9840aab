package tw.ecpa.keycloak.personnel;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Hands Keycloak's authenticated admin request to the {@link PersonnelResource}. */
final class PersonnelApi implements AdminRealmResourceProvider {

    private final PersonnelSettings settings;

    PersonnelApi(PersonnelSettings settings) {
        this.settings = settings;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new PersonnelResource(session, realm, auth, adminEvent, settings);
    }

    @Override
    public void close() {
    }
}

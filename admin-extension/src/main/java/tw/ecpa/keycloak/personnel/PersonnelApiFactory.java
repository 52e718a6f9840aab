package tw.ecpa.keycloak.personnel;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;

/**
 * The personnel API at {@code /admin/realms/{realm}/}{@value #PROVIDER_ID}. Settings (server
 * configuration of this provider): {@code password-length} (default 8), {@code resets-per-hour} per
 * caller (default 30), {@code confirmation-seconds} a pending reset waits for 確定 (default 300).
 */
public final class PersonnelApiFactory implements AdminRealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-personnel";

    private PersonnelSettings settings = PersonnelSettings.DEFAULTS;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new PersonnelApi(settings);
    }

    @Override
    public void init(Config.Scope config) {
        settings = PersonnelSettings.from(config);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return BundleVersion.operationalInfo();
    }
}

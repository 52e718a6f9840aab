package tw.ecpa.keycloak.requiredactions.password;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;

/** Required action {@value #PROVIDER_ID}: 操作成功 and the guide's reminder after a password is saved. */
public final class PasswordSavedNoticeFactory implements RequiredActionFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-password-saved";
    private static final PasswordSavedNotice NOTICE = new PasswordSavedNotice();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return NOTICE;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "ECPA password saved (操作成功 and the reminder to log out and in again)";
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return BundleVersion.operationalInfo();
    }
}

package tw.ecpa.keycloak.authenticators.cardbinding;

import java.time.Clock;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;

/** Required action {@value #PROVIDER_ID}: the bound card ends within 30 days, and how to bind the renewed one. */
public final class CardExpiryNoticeFactory implements RequiredActionFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-card-expiry";
    private static final CardExpiryNotice NOTICE = new CardExpiryNotice(Clock.systemUTC());

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
        return "ECPA card expiry notice (憑證即將到期, 30 days before)";
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

package tw.ecpa.keycloak.authenticators.notices;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;

/**
 * The event listener {@value #PROVIDER_ID} behind the notices of credential changes. A realm turns it on
 * by listing it in its events listeners (the ecpa realm template does): the notices are the ecpa e-mail
 * theme's, for the personnel realm, not for every realm of the server.
 */
public final class CredentialNoticeListenerFactory implements EventListenerProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-credential-notice";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new CredentialNoticeListener(session);
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
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return BundleVersion.operationalInfo();
    }
}

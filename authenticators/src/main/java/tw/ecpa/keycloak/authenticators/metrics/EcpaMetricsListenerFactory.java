package tw.ecpa.keycloak.authenticators.metrics;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;
import tw.ecpa.keycloak.model.EcpaMetrics;

/**
 * The event listener {@value #PROVIDER_ID} behind the {@link EcpaMetrics#LOGINS} and
 * {@link EcpaMetrics#PASSWORD_RESETS} meters. Global, as Keycloak's own user-event metrics are: it hears
 * every realm's events without being in any realm's list, so turning metrics on needs no realm change.
 * Without {@code --metrics-enabled=true} the meters go nowhere.
 */
public final class EcpaMetricsListenerFactory implements EventListenerProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-metrics";

    private final EcpaMetrics metrics = EcpaMetrics.global();

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EcpaMetricsListener(session, metrics);
    }

    @Override
    public boolean isGlobal() {
        return true;
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

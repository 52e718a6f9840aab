package tw.ecpa.keycloak.portal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;

/**
 * The page header's data at {@code /realms/{realm}/}{@value #PROVIDER_ID}{@code /chrome}. Option
 * {@code --spi-realm-restapi-extension--ecpa-portal--online-now-seconds} (default
 * {@value #DEFAULT_ONLINE_NOW_SECONDS}, at least 1): how long a node reuses its count of active sessions.
 */
public final class PortalChromeResourceFactory implements RealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-portal";
    static final String ONLINE_NOW_SECONDS = "online-now-seconds";
    static final int DEFAULT_ONLINE_NOW_SECONDS = 30;

    private OnlineNow onlineNow;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new PortalChromeResource(session, onlineNow);
    }

    @Override
    public void init(Config.Scope config) {
        int seconds = config.getInt(ONLINE_NOW_SECONDS, DEFAULT_ONLINE_NOW_SECONDS);
        // 0 used to mean "count on every page view": one grouped query per request of an endpoint anyone may
        // call. Refused at start, so that an operator learns it instead of running it.
        if (seconds < 1) {
            throw new IllegalArgumentException(ONLINE_NOW_SECONDS + " must be at least 1 (seconds a node reuses its count), not " + seconds);
        }
        onlineNow = new OnlineNow(Duration.ofSeconds(seconds), Clock.systemUTC());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(ONLINE_NOW_SECONDS).type("int")
                .helpText("Seconds (at least 1) a node reuses its count of the realm's active sessions for the page header.")
                .defaultValue(DEFAULT_ONLINE_NOW_SECONDS).add()
                .build();
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

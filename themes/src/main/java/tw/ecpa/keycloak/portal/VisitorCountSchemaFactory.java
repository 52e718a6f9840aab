package tw.ecpa.keycloak.portal;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;

/**
 * Creates the visitor-count table through Keycloak's own Liquibase run at server start, so every
 * database Keycloak supports gets it and every cluster node shares it. No JPA entity: the counter is two
 * plain statements ({@link VisitorCounter}), which needs no mapping in the server's persistence unit.
 */
public final class VisitorCountSchemaFactory implements JpaEntityProviderFactory, JpaEntityProvider, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-visitor-count";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public List<Class<?>> getEntities() {
        return List.of();
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/ecpa-visitor-count-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return PROVIDER_ID;
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

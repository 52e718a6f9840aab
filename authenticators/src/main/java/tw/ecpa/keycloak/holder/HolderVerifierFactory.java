package tw.ecpa.keycloak.holder;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderFactory;

/**
 * Factory of one holder-verification method. Its {@link #getConfigProperties()} join the binding step's
 * configuration in the admin console, so an operator sets everything about the check in one place.
 */
public interface HolderVerifierFactory extends ProviderFactory<HolderVerifier>, ConfiguredProvider {

    @Override
    default void init(Config.Scope config) {
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }
}

package tw.ecpa.keycloak.holder;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** SPI {@value #NAME}: the ways to prove a card holder's national ID. Ours: certificate-suffix and http. */
public final class HolderVerifierSpi implements Spi {

    public static final String NAME = "ecpa-holder-verifier";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return HolderVerifier.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return HolderVerifierFactory.class;
    }
}

package tw.ecpa.keycloak.holder;

import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;

/** Holder verifier {@value #PROVIDER_ID}: the last four ID digits in the certificate. */
public final class CertificateSuffixHolderVerifierFactory implements HolderVerifierFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "certificate-suffix";

    @Override
    public HolderVerifier create(KeycloakSession session) {
        return new CertificateSuffixHolderVerifier();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Compares the typed national ID's last four digits with those in the citizen certificate.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return BundleVersion.operationalInfo();
    }
}

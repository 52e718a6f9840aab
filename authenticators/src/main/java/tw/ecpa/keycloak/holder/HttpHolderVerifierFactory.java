package tw.ecpa.keycloak.holder;

import java.util.List;
import java.util.Map;

import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;
import tw.ecpa.keycloak.model.EcpaMetrics;

/** Holder verifier {@value #PROVIDER_ID}: asks the certificate authority's holder-check service over HTTP. */
public final class HttpHolderVerifierFactory implements HolderVerifierFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "http";

    @Override
    public HolderVerifier create(KeycloakSession session) {
        return new HttpHolderVerifier(session.getProvider(HttpClientProvider.class).getHttpClient(), EcpaMetrics.global());
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Asks a holder-check service whether the national ID belongs to the certificate's holder.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(HttpHolderVerifierConfig.URL).type(ProviderConfigProperty.STRING_TYPE)
                .label("Holder-check service URL")
                .helpText("POST endpoint of the holder-check service (http verifier), e.g. https://.../holder-check.")
                .add()
                .property().name(HttpHolderVerifierConfig.TIMEOUT_MILLIS).type(ProviderConfigProperty.STRING_TYPE)
                .label("Holder-check timeout (ms)")
                .helpText("Connect and answer timeout of the http verifier; later answers count as 'service unavailable'.")
                .defaultValue(Long.toString(HttpHolderVerifierConfig.DEFAULT_TIMEOUT.toMillis()))
                .add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return BundleVersion.operationalInfo();
    }
}

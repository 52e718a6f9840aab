package tw.ecpa.keycloak.authenticators.binding;

import java.util.Map;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;

/** Credential provider {@value #PROVIDER_ID}: card certificates bound to personnel records. */
public final class BoundCertificateCredentialProviderFactory implements CredentialProviderFactory<BoundCertificateCredentialProvider>, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = BoundCertificateCredentialModel.TYPE;

    @Override
    public CredentialProvider<BoundCertificateCredentialModel> create(KeycloakSession session) {
        return new BoundCertificateCredentialProvider(session);
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

package tw.ecpa.keycloak.authenticators.certificate;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;

/** Authenticator {@value #PROVIDER_ID}: 憑證登入 with the card's PIN, verified on the server. */
public final class CertificateLoginAuthenticatorFactory implements AuthenticatorFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-certificate";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new CertificateLoginAuthenticator(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ECPA certificate login (citizen / agency card with PIN)";
    }

    @Override
    public String getHelpText() {
        return "憑證登入: the card signs a nonce of this login through the local card component; the server checks "
                + "signature, chain, validity, key usage, policy and revocation, then logs in the person the certificate is bound to. "
                + "It reads the realm's certificate configuration '" + CertificateSettings.ALIAS + "' (on the ecpa home step).";
    }

    /** Failures count for brute-force detection, which only counts known categories. */
    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    /**
     * Nothing of its own: the trust settings are the realm's one certificate configuration
     * ({@link CertificateSettings}), edited on the home page's step, so no second copy can drift.
     */
    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.ALTERNATIVE,
                AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
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

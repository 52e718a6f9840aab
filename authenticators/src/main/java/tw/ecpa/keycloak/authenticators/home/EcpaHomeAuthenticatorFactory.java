package tw.ecpa.keycloak.authenticators.home;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticationFlowCallbackFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import tw.ecpa.keycloak.authenticators.account.AccountPasswordLogin;
import tw.ecpa.keycloak.authenticators.certificate.CertificateLoginConfigProperties;
import tw.ecpa.keycloak.authenticators.certificate.CertificateLoginMethod;
import tw.ecpa.keycloak.authenticators.certificate.CertificateSettings;
import tw.ecpa.keycloak.authenticators.homepage.HomePage;
import tw.ecpa.keycloak.authenticators.homepage.LoginMethod;
import tw.ecpa.keycloak.core.BundleVersion;

/**
 * Authenticator {@value #PROVIDER_ID}: the ECPA home page with its login boxes. A flow callback factory, so
 * that a box may record what its login reached once the home page's subflow is through
 * ({@link LoginMethod#onParentFlowSuccess}).
 */
public final class EcpaHomeAuthenticatorFactory implements AuthenticationFlowCallbackFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-home";

    @Override
    public Authenticator create(KeycloakSession session) {
        HomePage page = new HomePage(List.of(AccountPasswordLogin.ID, CertificateLoginMethod.ID), List.of(CertificateLoginMethod::offer));
        return new EcpaHomeAuthenticator(page, List.of(new AccountPasswordLogin(page), new CertificateLoginMethod(session, page)));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ECPA home page (account or national ID + password; certificate + PIN)";
    }

    @Override
    public String getHelpText() {
        return "The 人事服務網 home page: 帳號登入 with a custom account or national ID and the password, and 憑證登入 "
                + "with the card's PIN. Its configuration '" + CertificateSettings.ALIAS + "' is the realm's certificate configuration "
                + "(trust anchors, revocation, policies, card component URL), read by every certificate step.";
    }

    /** Failures count for brute-force detection, which only counts known categories. */
    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CertificateLoginConfigProperties.PROPERTIES;
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

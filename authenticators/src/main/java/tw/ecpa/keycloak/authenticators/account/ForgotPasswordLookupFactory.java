package tw.ecpa.keycloak.authenticators.account;

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
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;
import tw.ecpa.keycloak.model.EcpaMetrics;

/**
 * Authenticator {@value #PROVIDER_ID}: 忘記密碼's first step in the reset-credentials flow (national ID or
 * custom account), before Keycloak's "send reset email" and "reset password".
 */
public final class ForgotPasswordLookupFactory implements AuthenticatorFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-forgot-password";
    private static final ForgotPasswordLookup LOOKUP = new ForgotPasswordLookup(EcpaMetrics.global());

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(ForgotPasswordConfig.COOL_DOWN_SECONDS).type(ProviderConfigProperty.STRING_TYPE)
            .label("Cool-down between reset mails (seconds)")
            .helpText("At most one reset mail per person in this time, whoever asks; later requests get the same page and no mail.")
            .defaultValue(Long.toString(ForgotPasswordConfig.DEFAULT_COOL_DOWN.toSeconds()))
            .add()
            .build();

    @Override
    public Authenticator create(KeycloakSession session) {
        return LOOKUP;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ECPA forgot password: national ID or custom account";
    }

    @Override
    public String getHelpText() {
        return "忘記密碼: finds a serving person by national ID or custom account for the reset e-mail step; "
                + "answers the same whether or not anyone was found; one mail per person per cool-down.";
    }

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
        return new AuthenticationExecutionModel.Requirement[] {
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
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

package tw.ecpa.keycloak.authenticators.cardbinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import tw.ecpa.keycloak.authenticators.binding.BindingConfig;
import tw.ecpa.keycloak.authenticators.binding.BoundCertificateCredentialModel;
import tw.ecpa.keycloak.core.BundleVersion;
import tw.ecpa.keycloak.holder.HolderVerifier;
import tw.ecpa.keycloak.holder.HolderVerifierFactory;

/**
 * Authenticator {@value #PROVIDER_ID}: binds a citizen certificate bound to nobody to the personnel
 * record the person names, after the realm's holder verifiers prove it is theirs. Its configuration
 * also carries every installed holder verifier's settings.
 */
public final class CertificateBindingAuthenticatorFactory implements AuthenticatorFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-certificate-binding";

    private List<ProviderConfigProperty> properties = ownProperties();

    @Override
    public Authenticator create(KeycloakSession session) {
        return new CertificateBindingAuthenticator(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ECPA first certificate login: bind to the personnel record";
    }

    @Override
    public String getHelpText() {
        return "After 憑證登入 with a certificate bound to nobody: asks for the custom account or national ID, checks the "
                + "personnel record and the holder, then binds the certificate. Does nothing when the certificate was bound.";
    }

    /** Binding attempts count for brute-force detection, which only counts password, otp and recovery codes. */
    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    /**
     * Bound certificates: this step makes them. Keycloak's account console lists a credential type only
     * when an enabled step of some flow names it, so this is what puts bound cards on "Signing in".
     */
    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return Set.of(BoundCertificateCredentialModel.TYPE);
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
        return properties;
    }

    @Override
    public void init(Config.Scope config) {
    }

    /** Every installed holder verifier's own settings join ours, so the operator configures the check in one place. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        List<ProviderConfigProperty> all = new ArrayList<>(ownProperties());
        factory.getProviderFactoriesStream(HolderVerifier.class)
                .map(HolderVerifierFactory.class::cast)
                .forEach(verifier -> all.addAll(verifier.getConfigProperties()));
        properties = List.copyOf(all);
    }

    private static List<ProviderConfigProperty> ownProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(BindingConfig.HOLDER_VERIFIERS).type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .label("Holder verifiers")
                .helpText("Ids of the ecpa-holder-verifier providers that must all confirm the holder, in order: "
                        + "certificate-suffix, http. Default: http. certificate-suffix alone (four digits, one person in "
                        + "ten thousand) is refused: nothing is bound until a real holder check is in the chain.")
                .defaultValue(String.join("##", BindingConfig.DEFAULT_HOLDER_VERIFIERS))
                .add()
                .property().name(BindingConfig.MAX_FAILURES).type(ProviderConfigProperty.STRING_TYPE)
                .label("Refused bindings per card")
                .helpText("How many refused bindings (not on record, departed, not the card's holder...) one card, and one "
                        + "login, may have within the window; after that the page answers only 'try later', whatever is typed. "
                        + "Default " + BindingConfig.DEFAULT_MAX_FAILURES + ".")
                .defaultValue(Integer.toString(BindingConfig.DEFAULT_MAX_FAILURES))
                .add()
                .property().name(BindingConfig.FAILURE_WINDOW_SECONDS).type(ProviderConfigProperty.STRING_TYPE)
                .label("Refused bindings window (seconds)")
                .helpText("How long a card's refused binding counts. Default " + BindingConfig.DEFAULT_FAILURE_WINDOW.toSeconds() + ".")
                .defaultValue(Long.toString(BindingConfig.DEFAULT_FAILURE_WINDOW.toSeconds()))
                .add()
                .build();
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return BundleVersion.operationalInfo();
    }
}

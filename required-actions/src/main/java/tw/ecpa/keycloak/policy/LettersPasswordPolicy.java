package tw.ecpa.keycloak.policy;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;
import org.keycloak.policy.PolicyError;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;
import tw.ecpa.keycloak.core.password.PasswordRules;

/**
 * Password policy {@value #ID}: at least N letters of either case. Keycloak's own policies count
 * upper-case and lower-case letters separately; the guide asks for a letter, whichever case.
 */
public final class LettersPasswordPolicy implements PasswordPolicyProvider, PasswordPolicyProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "ecpa-letters";
    static final String MESSAGE = "ecpa.password.letters";

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        int required = realm.getPasswordPolicy().getPolicyConfig(ID);
        return PasswordRules.letterCount(password) < required ? new PolicyError(MESSAGE, required) : null;
    }

    @Override
    public PolicyError validate(String user, String password) {
        return null;
    }

    @Override
    public Object parseConfig(String value) {
        return parseInteger(value, 1);
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getDisplayName() {
        return "Letters (ECPA, either case)";
    }

    @Override
    public String getConfigType() {
        return INT_CONFIG_TYPE;
    }

    @Override
    public String getDefaultConfigValue() {
        return "1";
    }

    @Override
    public boolean isMultiplSupported() {
        return false;
    }

    @Override
    public String getId() {
        return ID;
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

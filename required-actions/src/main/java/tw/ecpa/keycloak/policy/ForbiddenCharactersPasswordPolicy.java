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
 * Password policy {@value #ID}: none of the configured characters, by default the guide's
 * {@code % & + * ? < > / \ '}. The message lists them, as the guide's screen does.
 */
public final class ForbiddenCharactersPasswordPolicy implements PasswordPolicyProvider, PasswordPolicyProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "ecpa-forbidden-characters";
    static final String MESSAGE = "ecpa.password.forbiddenCharacters";

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        return validate((String) realm.getPasswordPolicy().getPolicyConfig(ID), password);
    }

    @Override
    public PolicyError validate(String forbidden, String password) {
        return PasswordRules.containsAnyOf(password, forbidden)
                ? new PolicyError(MESSAGE, PasswordRules.listed(forbidden))
                : null;
    }

    @Override
    public Object parseConfig(String value) {
        return value == null || value.isEmpty() || "undefined".equals(value) ? PasswordRules.FORBIDDEN_CHARACTERS : value;
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getDisplayName() {
        return "Forbidden characters (ECPA)";
    }

    @Override
    public String getConfigType() {
        return STRING_CONFIG_TYPE;
    }

    @Override
    public String getDefaultConfigValue() {
        return PasswordRules.FORBIDDEN_CHARACTERS;
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

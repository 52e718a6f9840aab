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
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * Password policy {@value #ID}: the password does not contain the person's national ID. The ID is
 * known to every office the person ever worked for, so a password built on it is no secret.
 */
public final class NotNationalIdPasswordPolicy implements PasswordPolicyProvider, PasswordPolicyProviderFactory, ServerInfoAwareProviderFactory {

    public static final String ID = "ecpa-not-national-id";
    static final String MESSAGE = "ecpa.password.notNationalId";

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        return user != null && PasswordRules.containsNationalId(password, PersonnelRecord.of(user).nationalIdOnRecord())
                ? new PolicyError(MESSAGE)
                : null;
    }

    @Override
    public PolicyError validate(String user, String password) {
        return null;
    }

    @Override
    public Object parseConfig(String value) {
        return null;
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getDisplayName() {
        return "Not the national ID (ECPA)";
    }

    @Override
    public String getConfigType() {
        return null;
    }

    @Override
    public String getDefaultConfigValue() {
        return null;
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

package tw.ecpa.keycloak.authenticators.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

class CertificateLevelTest {

    /** Flows and configs in maps; the realm answers the two questions the level is read from. */
    private final Map<String, List<AuthenticationExecutionModel>> flows = new HashMap<>();
    private final Map<String, AuthenticatorConfigModel> configs = new HashMap<>();
    private final RealmModel realm = (RealmModel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RealmModel.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getAuthenticationExecutionsStream" -> flows.getOrDefault((String) args[0], List.of()).stream();
                case "getAuthenticatorConfigById" -> configs.get((String) args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private void step(String flowId, String authenticator, Integer level) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setAuthenticator(authenticator);
        if (level != null) {
            AuthenticatorConfigModel config = new AuthenticatorConfigModel();
            config.setId("config-" + configs.size());
            config.setConfig(Map.of("loa-condition-level", level.toString(), "loa-max-age", "36000"));
            configs.put(config.getId(), config);
            execution.setAuthenticatorConfig(config.getId());
        }
        flows.computeIfAbsent(flowId, id -> new ArrayList<>()).add(execution);
    }

    private void subflow(String flowId, String subflowId) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setAuthenticatorFlow(true);
        execution.setFlowId(subflowId);
        flows.computeIfAbsent(flowId, id -> new ArrayList<>()).add(execution);
    }

    @Test
    void givenTheTemplatesFlowThenTheCertificateLevelIsTheLevelGuardingTheCertificatePage() {
        step("browser", "auth-cookie", null);
        subflow("browser", "forms");
        subflow("forms", "password or certificate");
        step("password or certificate", "conditional-level-of-authentication", 1);
        step("password or certificate", "ecpa-home", null);
        subflow("forms", "certificate step-up");
        step("certificate step-up", "conditional-level-of-authentication", 2);
        step("certificate step-up", "ecpa-certificate", null);
        step("forms", "ecpa-certificate-binding", null);

        assertThat(CertificateLevel.of(realm, "browser")).contains(2);
    }

    @Test
    void givenAFlowWithoutLevelsThenNoLevel() {
        step("certificate only", "ecpa-certificate", null);
        step("certificate only", "ecpa-certificate-binding", null);

        assertThat(CertificateLevel.of(realm, "certificate only")).isEmpty();
    }

    @Test
    void givenLevelsButNoCertificatePageThenNoLevel() {
        subflow("browser", "level 1");
        step("level 1", "conditional-level-of-authentication", 1);
        step("level 1", "ecpa-home", null);

        assertThat(CertificateLevel.of(realm, "browser")).isEmpty();
    }
}

package tw.ecpa.keycloak.it;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;
import tw.ecpa.keycloak.dev.realm.RealmAdminApi;

/**
 * A browser flow of the two certificate steps (ecpa-certificate, then ecpa-certificate-binding) and a
 * client bound to it, made through the admin API for one test class and removed after it, so the
 * realm's own browser flow stays as the other tests expect it. Configured for the card world: the realm's
 * certificate configuration gets its test root and issuing CAs, its test policies and its reader (put back
 * on close), the flow's binding step its holder-check responder.
 */
final class CertificateLoginFlow implements AutoCloseable {

    static final String REDIRECT_URI = "http://127.0.0.1:9/callback";

    private final RealmResource realm;
    private final String alias = "ecpa certificate it " + UUID.randomUUID().toString().substring(0, 8);
    private final String clientId = "it-certificate-" + UUID.randomUUID().toString().substring(0, 8);
    private final String clientUuid;
    private final RealmAdminApi realmAdmin;
    private final String bindingConfigId;
    /** The realm's certificate configuration as it was before this flow pointed it at the card world. */
    private final Map<String, String> certificatesBefore;
    private final Map<String, String> bindingConfig = new HashMap<>();

    CertificateLoginFlow(RealmResource realm, RealmAdminApi realmAdmin, CardWorld world) {
        this(realm, realmAdmin, world, "ecpa-certificate");
    }

    /** The same with the ECPA home page (帳號登入 and 憑證登入) as the first step, for tests that sign in with a password too. */
    static CertificateLoginFlow withHomePage(RealmResource realm, RealmAdminApi realmAdmin, CardWorld world) {
        return new CertificateLoginFlow(realm, realmAdmin, world, "ecpa-home");
    }

    private CertificateLoginFlow(RealmResource realm, RealmAdminApi realmAdmin, CardWorld world, String firstStep) {
        this.realm = realm;
        this.realmAdmin = realmAdmin;
        AuthenticationManagementResource flows = realm.flows();
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias(alias);
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        flow.setDescription("certificate login, for CertificateLoginIT");
        try (Response response = flows.createFlow(flow)) {
            expect(response, 201, "create the flow");
        }
        // The home page comes with the SSO cookie in front, as in the realm's browser flow, so a signed-in
        // person is not asked again (application-initiated actions rely on that).
        boolean withSso = "ecpa-home".equals(firstStep);
        String stepsFlow = alias;
        if (withSso) {
            flows.addExecution(alias, Map.of("provider", "auth-cookie"));
            stepsFlow = alias + " forms";
            flows.addExecutionFlow(alias, Map.of("alias", stepsFlow, "type", "basic-flow", "provider", "registration-page-form",
                    "description", "the login steps"));
        }
        flows.addExecution(stepsFlow, Map.of("provider", firstStep));
        flows.addExecution(stepsFlow, Map.of("provider", "ecpa-certificate-binding"));
        List<AuthenticationExecutionInfoRepresentation> executions = flows.getExecutions(alias);
        for (AuthenticationExecutionInfoRepresentation execution : executions) {
            execution.setRequirement(withSso && execution.getLevel() == 0 ? "ALTERNATIVE" : "REQUIRED");
            flows.updateExecutions(alias, execution);
        }
        String bindingStepId = executions.stream().filter(e -> "ecpa-certificate-binding".equals(e.getProviderId())).findFirst().orElseThrow().getId();

        // Every certificate step of the realm, this flow's too, reads the realm's one certificate configuration.
        // Every test asks the card world's responder afresh; the one about kept answers turns keeping on.
        certificatesBefore = CertificateConfiguration.trusting(world.pki(), world.readerUrl().toString())
                .with(CertificateConfiguration.REVOCATION_MODE, "BOTH")
                .with(CertificateConfiguration.OCSP_CACHE_SECONDS, "0")
                .writeThrough(realmAdmin);
        bindingConfig.put("ecpa.holder.verifiers", "certificate-suffix##http");
        bindingConfig.put("ecpa.holder.http.url", world.holderCheckUrl().toString());
        bindingConfig.put("ecpa.holder.http.timeoutMillis", "1500");
        // The demo cards serve every class of the run: a refusal here counts on its card for a second only,
        // so that another class binding that card finds it free. BindingSecurityIT sets the realm's limits.
        bindingConfig.put("ecpa.binding.maxFailures", "50");
        bindingConfig.put("ecpa.binding.failureWindowSeconds", "1");
        bindingConfigId = newConfig(flows, bindingStepId, bindingConfig);

        String flowId = flows.getFlows().stream().filter(f -> alias.equals(f.getAlias())).findFirst().orElseThrow().getId();
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of(REDIRECT_URI));
        client.setAuthenticationFlowBindingOverrides(Map.of("browser", flowId));
        ProtocolMapperRepresentation amr = new ProtocolMapperRepresentation();
        amr.setName("amr");
        amr.setProtocol("openid-connect");
        amr.setProtocolMapper("ecpa-login-method-amr");
        amr.setConfig(Map.of("id.token.claim", "true", "access.token.claim", "true"));
        client.setProtocolMappers(List.of(amr));
        try (Response response = realm.clients().create(client)) {
            expect(response, 201, "create the client");
            String location = response.getLocation().getPath();
            clientUuid = location.substring(location.lastIndexOf('/') + 1);
        }
    }

    String clientId() {
        return clientId;
    }

    String authorizationUrl(String realmUrl) {
        return AuthorizationRequest.url(realmUrl, clientId, REDIRECT_URI);
    }

    /** Changes one setting of the realm's certificate configuration, e.g. the revocation mode for one test. */
    void setCertificateSetting(String name, String value) {
        CertificateConfiguration.settings().with(name, value).writeThrough(realmAdmin);
    }

    void setBindingSetting(String name, String value) {
        bindingConfig.put(name, value);
        update(bindingConfigId, bindingConfig);
    }

    private void update(String configId, Map<String, String> config) {
        AuthenticatorConfigRepresentation representation = realm.flows().getAuthenticatorConfig(configId);
        representation.setConfig(new HashMap<>(config));
        realm.flows().updateAuthenticatorConfig(configId, representation);
    }

    private static String newConfig(AuthenticationManagementResource flows, String executionId, Map<String, String> config) {
        AuthenticatorConfigRepresentation representation = new AuthenticatorConfigRepresentation();
        representation.setAlias("it-" + UUID.randomUUID().toString().substring(0, 8));
        representation.setConfig(new HashMap<>(config));
        try (Response response = flows.newExecutionConfig(executionId, representation)) {
            expect(response, 201, "configure an execution");
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    private static void expect(Response response, int status, String what) {
        if (response.getStatus() != status) {
            throw new IllegalStateException("could not " + what + ": HTTP " + response.getStatus() + " " + response.readEntity(String.class));
        }
    }

    @Override
    public void close() {
        realm.clients().get(clientUuid).remove();
        String flowId = realm.flows().getFlows().stream().filter(f -> alias.equals(f.getAlias())).findFirst().orElseThrow().getId();
        realm.flows().deleteFlow(flowId);
        CertificateConfiguration.putBack(realmAdmin, certificatesBefore);
    }
}

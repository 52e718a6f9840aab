package tw.ecpa.keycloak.it;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;
import tw.ecpa.keycloak.dev.realm.RealmAdminApi;

/**
 * Settings of the realm changed for one test, as an operator would in the admin console, and put back
 * as they were when the test closes it: the realm's one certificate configuration, and the settings of
 * other steps of its own browser flow ("ecpa browser forms").
 */
final class BrowserFormsSettings implements AutoCloseable {

    private static final String FLOW = "ecpa browser forms";

    private final RealmResource realm;
    private final RealmAdminApi realmAdmin;
    /** Each changed step's settings as they were before the first change. */
    private final Map<String, Map<String, String>> originals = new LinkedHashMap<>();
    /** The certificate configuration as it was before the first change, if changed. */
    private Map<String, String> certificatesBefore;

    BrowserFormsSettings(RealmResource realm, RealmAdminApi realmAdmin) {
        this.realm = realm;
        this.realmAdmin = realmAdmin;
    }

    /**
     * The realm's certificate configuration pointed at the card world (its test root and issuing CAs, test
     * policies and reader) and the binding step at its holder-check responder, as the dev launcher does.
     */
    static BrowserFormsSettings forCardWorld(RealmResource realm, RealmAdminApi realmAdmin, CardWorld world) {
        return new BrowserFormsSettings(realm, realmAdmin)
                .certificates(CertificateConfiguration.trusting(world.pki(), world.readerUrl().toString()))
                .set("ecpa-certificate-binding", Map.of(
                        "ecpa.holder.verifiers", "certificate-suffix##http",
                        "ecpa.holder.http.url", world.holderCheckUrl().toString()));
    }

    /** Adds {@code settings} to the realm's one certificate configuration, replacing those of the same name. */
    BrowserFormsSettings certificates(CertificateConfiguration settings) {
        Map<String, String> before = settings.writeThrough(realmAdmin);
        if (certificatesBefore == null) {
            certificatesBefore = before;
        }
        return this;
    }

    /** Adds {@code settings} to the settings of the flow's step {@code providerId}, replacing those of the same name. */
    BrowserFormsSettings set(String providerId, Map<String, String> settings) {
        AuthenticationExecutionInfoRepresentation execution = realm.flows().getExecutions(FLOW).stream()
                .filter(e -> providerId.equals(e.getProviderId())).findFirst().orElseThrow();
        AuthenticatorConfigRepresentation representation = realm.flows().getAuthenticatorConfig(execution.getAuthenticationConfig());
        originals.putIfAbsent(representation.getId(), new HashMap<>(representation.getConfig()));
        Map<String, String> config = new HashMap<>(representation.getConfig());
        config.putAll(settings);
        representation.setConfig(config);
        realm.flows().updateAuthenticatorConfig(representation.getId(), representation);
        return this;
    }

    /** Puts every changed setting back. */
    @Override
    public void close() {
        originals.forEach((configId, config) -> {
            AuthenticatorConfigRepresentation representation = realm.flows().getAuthenticatorConfig(configId);
            representation.setConfig(config);
            realm.flows().updateAuthenticatorConfig(configId, representation);
        });
        originals.clear();
        if (certificatesBefore != null) {
            CertificateConfiguration.putBack(realmAdmin, certificatesBefore);
            certificatesBefore = null;
        }
    }
}

package tw.ecpa.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.pki.TestPkiOids;

/**
 * Settings of the steps of the realm's own browser flow ("ecpa browser forms") changed for one test, as
 * an operator would in the admin console, and put back as they were when the test closes it.
 */
final class BrowserFormsSettings implements AutoCloseable {

    private static final String FLOW = "ecpa browser forms";

    private final RealmResource realm;
    /** Each changed step's settings as they were before the first change. */
    private final Map<String, Map<String, String>> originals = new LinkedHashMap<>();

    BrowserFormsSettings(RealmResource realm) {
        this.realm = realm;
    }

    /**
     * The realm's certificate steps pointed at the card world (its test root and issuing CAs, test
     * policies, reader and holder-check responder), as the dev launcher configures them.
     */
    static BrowserFormsSettings forCardWorld(RealmResource realm, CardWorld world) {
        Map<String, String> cards;
        try {
            cards = Map.of(
                    "ecpa.certificate.trustAnchors", world.pki().trustAnchorPem(),
                    "ecpa.certificate.issuingCas", Files.readString(world.pki().issuingCasFile()),
                    "ecpa.certificate.componentUrl", world.readerUrl().toString(),
                    "ecpa.certificate.citizenPolicies", TestPkiOids.CITIZEN_TEST_POLICY,
                    "ecpa.certificate.agencyPolicies", TestPkiOids.AGENCY_TEST_POLICY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BrowserFormsSettings(realm)
                .set("ecpa-home", cards)
                .set("ecpa-certificate", cards)
                .set("ecpa-certificate-binding", Map.of(
                        "ecpa.holder.verifiers", "certificate-suffix##http",
                        "ecpa.holder.http.url", world.holderCheckUrl().toString()));
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

    /** Puts every changed step's settings back. */
    @Override
    public void close() {
        originals.forEach((configId, config) -> {
            AuthenticatorConfigRepresentation representation = realm.flows().getAuthenticatorConfig(configId);
            representation.setConfig(config);
            realm.flows().updateAuthenticatorConfig(configId, representation);
        });
        originals.clear();
    }
}

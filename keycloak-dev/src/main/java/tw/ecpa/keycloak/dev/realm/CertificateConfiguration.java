package tw.ecpa.keycloak.dev.realm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tw.ecpa.keycloak.dev.pki.TestPki;
import tw.ecpa.keycloak.dev.pki.TestPkiOids;

/**
 * Settings for a realm's one certificate configuration, the authenticator configuration {@value #ALIAS}
 * that every certificate step reads (the bundle's template attaches it to the {@code ecpa home} step),
 * written the two ways a realm is set up here: into the realm file before import (the dev launcher, the
 * benchmark's data set) or through the admin REST API on a running server, as the admin console's Save
 * does (the benchmark on a kept database, the integration tests). The only place outside the
 * authenticators that names the settings' keys.
 */
public final class CertificateConfiguration {

    /** The configuration's alias, as the authenticators look it up. */
    public static final String ALIAS = "ecpa-certificate";

    public static final String TRUST_ANCHORS = "ecpa.certificate.trustAnchors";
    public static final String ISSUING_CAS = "ecpa.certificate.issuingCas";
    public static final String REVOCATION_MODE = "ecpa.certificate.revocationMode";
    public static final String REVOCATION_FAIL_OPEN = "ecpa.certificate.revocationFailOpen";
    public static final String NONCE_LIFETIME_SECONDS = "ecpa.certificate.nonceLifetimeSeconds";
    public static final String COMPONENT_URL = "ecpa.certificate.componentUrl";
    public static final String CITIZEN_POLICIES = "ecpa.certificate.citizenPolicies";
    public static final String AGENCY_POLICIES = "ecpa.certificate.agencyPolicies";
    public static final String OCSP_CACHE_SECONDS = "ecpa.certificate.ocspCacheSeconds";
    public static final String REVOCATION_TIMEOUT_MILLIS = "ecpa.certificate.revocationTimeoutMillis";

    private final Map<String, String> settings = new LinkedHashMap<>();

    private CertificateConfiguration() {
    }

    /** No settings yet: {@link #with} adds them. */
    public static CertificateConfiguration settings() {
        return new CertificateConfiguration();
    }

    /**
     * Trust in a test PKI: its root as trust anchor, its issuing CAs, its citizen and agency test
     * policies, and the card component at {@code componentUrl} (a virtual reader).
     */
    public static CertificateConfiguration trusting(TestPki pki, String componentUrl) {
        try {
            return settings().with(TRUST_ANCHORS, pki.trustAnchorPem())
                    .with(ISSUING_CAS, Files.readString(pki.issuingCasFile()))
                    .with(CITIZEN_POLICIES, TestPkiOids.CITIZEN_TEST_POLICY)
                    .with(AGENCY_POLICIES, TestPkiOids.AGENCY_TEST_POLICY)
                    .with(COMPONENT_URL, componentUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CertificateConfiguration with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** The settings this writes, in the order they were given. */
    public Map<String, String> asMap() {
        return Map.copyOf(settings);
    }

    /**
     * Into a realm file in Keycloak's export format: the settings replace those of the same name in its
     * configuration {@value #ALIAS}, which the realm must have (the bundle's template does).
     */
    public void writeInto(ObjectNode realm) {
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if (ALIAS.equals(config.path("alias").asText())) {
                ObjectNode values = config.hasNonNull("config") ? (ObjectNode) config.get("config") : ((ObjectNode) config).putObject("config");
                settings.forEach(values::put);
                return;
            }
        }
        throw new IllegalStateException("the realm has no authenticator configuration '" + ALIAS + "'");
    }

    /**
     * Through the admin REST API: the settings replace those of the same name in the realm's
     * configuration {@value #ALIAS}; returns all of its settings as they were, for {@link #putBack}.
     */
    public Map<String, String> writeThrough(RealmAdminApi admin) {
        ObjectNode config = find(admin);
        Map<String, String> before = values(config);
        ObjectNode values = config.putObject("config");
        before.forEach(values::put);
        settings.forEach(values::put);
        admin.put("/authentication/config/" + config.path("id").asText(), config);
        return before;
    }

    /** Puts the realm's configuration {@value #ALIAS} back to exactly {@code settings} (what {@link #writeThrough} returned). */
    public static void putBack(RealmAdminApi admin, Map<String, String> settings) {
        ObjectNode config = find(admin);
        ObjectNode values = config.putObject("config");
        settings.forEach(values::put);
        admin.put("/authentication/config/" + config.path("id").asText(), config);
    }

    /** The realm's configuration {@value #ALIAS}, found among the configurations of its flows' steps. */
    public static Optional<ObjectNode> in(RealmAdminApi admin) {
        for (JsonNode flow : admin.get("/authentication/flows")) {
            String flowAlias = URLEncoder.encode(flow.path("alias").asText(), StandardCharsets.UTF_8).replace("+", "%20");
            for (JsonNode execution : admin.get("/authentication/flows/" + flowAlias + "/executions")) {
                String configId = execution.path("authenticationConfig").asText(null);
                if (configId == null) {
                    continue;
                }
                JsonNode config = admin.get("/authentication/config/" + configId);
                if (ALIAS.equals(config.path("alias").asText())) {
                    return Optional.of((ObjectNode) config);
                }
            }
        }
        return Optional.empty();
    }

    private static ObjectNode find(RealmAdminApi admin) {
        return in(admin).orElseThrow(() -> new IllegalStateException("the realm has no authenticator configuration '" + ALIAS + "'"));
    }

    private static Map<String, String> values(JsonNode config) {
        Map<String, String> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = config.path("config").fields();
        fields.forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }
}

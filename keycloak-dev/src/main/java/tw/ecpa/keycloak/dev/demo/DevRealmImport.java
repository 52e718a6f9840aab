package tw.ecpa.keycloak.dev.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;

/**
 * The realm file the dev server imports: the operator's template exactly as the bundle ships it, plus
 * the demo agencies and personnel, the dev mail catcher as SMTP server, and a password generated for
 * this run for each person who has already set up a custom account. Nothing is fixed in advance: the
 * passwords change every run and are printed by the launcher.
 */
public final class DevRealmImport {

    /** Where the bundle jar carries the realm template. */
    public static final String TEMPLATE_ENTRY = "ecpa-realm/ecpa-realm.json";

    /** Letters and digits without look-alikes, and symbols the guide's password rules allow. */
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#$-_=@";

    /** The personnel-storage module's provider id (keycloak-dev does not depend on the provider modules). */
    public static final String PERSONNEL_DB_PROVIDER = "ecpa-personnel-db";
    public static final String PERSONNEL_DB_NAME = "公務人力資料庫";
    private static final String USER_STORAGE = "org.keycloak.storage.UserStorageProvider";

    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final ObjectNode realm;
    private final Map<String, String> passwords = new LinkedHashMap<>();

    private DevRealmImport(ObjectNode realm) {
        this.realm = realm;
    }

    /** Reads the template out of the provider jar, the same file an operator imports. */
    public static DevRealmImport fromBundle(Path bundleJar) {
        try (ZipFile jar = new ZipFile(bundleJar.toFile())) {
            var entry = jar.getEntry(TEMPLATE_ENTRY);
            if (entry == null) {
                throw new IllegalStateException(bundleJar + " holds no " + TEMPLATE_ENTRY);
            }
            try (InputStream in = jar.getInputStream(entry)) {
                return new DevRealmImport((ObjectNode) new ObjectMapper().readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the realm template from " + bundleJar, e);
        }
    }

    public String realmName() {
        return realm.path("realm").asText();
    }

    public DevRealmImport withDemoPersonnel(DemoPersonnel personnel) {
        ObjectNode demo = new DemoRealmData(personnel).toRepresentation();
        realm.set("groups", demo.get("groups"));
        ArrayNode users = (ArrayNode) demo.get("users");
        for (JsonNode user : users) {
            String username = user.path("username").asText();
            if (!username.startsWith(DemoRealmData.PLACEHOLDER_PREFIX)) {
                String password = newPassword();
                passwords.put(username, password);
                ObjectNode credential = ((ObjectNode) user).putArray("credentials").addObject();
                credential.put("type", "password").put("value", password).put("temporary", false);
            }
        }
        realm.set("users", users);
        return this;
    }

    public DevRealmImport withSmtp(int port) {
        ObjectNode smtp = realm.putObject("smtpServer");
        smtp.put("host", "127.0.0.1").put("port", String.valueOf(port))
                .put("from", "noreply@ecpa-dev.test").put("fromDisplayName", "人事服務網 (dev)");
        return this;
    }

    /**
     * Points the template's certificate login at the card world: the realm's one certificate
     * configuration gets {@code certificates} (its test root and issuing CAs as trust anchors, its test
     * policies, its reader), the binding step its holder-check service. The template ships these empty,
     * so that no realm trusts the test PKI unless someone puts it there, as this does.
     */
    public DevRealmImport withCardWorld(CertificateConfiguration certificates, String holderCheckUrl) {
        certificates.writeInto(realm);
        authenticatorConfig("ecpa certificate binding")
                .put("ecpa.holder.verifiers", "certificate-suffix##http")
                .put("ecpa.holder.http.url", holderCheckUrl);
        return this;
    }

    /**
     * Adds the personnel database as the realm's User federation: an {@value #PERSONNEL_DB_PROVIDER} component
     * reading {@code table} at {@code jdbcUrl}, in import mode with {@code linkExistingUsers} on, so that its first
     * full sync links the demo users this file imports (with their custom accounts and passwords) instead of
     * leaving them alone. No periodic sync: the launcher runs the full sync once, and the admin console's buttons
     * run more (docs/personnel-database.md).
     */
    public DevRealmImport withPersonnelDatabase(String jdbcUrl, String user, String table) {
        ObjectNode components = realm.has("components") ? (ObjectNode) realm.get("components") : realm.putObject("components");
        ArrayNode storage = components.has(USER_STORAGE) ? (ArrayNode) components.get(USER_STORAGE) : components.putArray(USER_STORAGE);
        ObjectNode component = storage.addObject()
                .put("name", PERSONNEL_DB_NAME)
                .put("providerId", PERSONNEL_DB_PROVIDER);
        component.putObject("subComponents");
        ObjectNode config = component.putObject("config");
        config.putArray("jdbcUrl").add(jdbcUrl);
        config.putArray("user").add(user);
        config.putArray("table").add(table);
        config.putArray("batchSize").add("500");
        config.putArray("linkExistingUsers").add("true");
        config.putArray("enabled").add("true");
        config.putArray("importEnabled").add("true");
        config.putArray("priority").add("0");
        config.putArray("cachePolicy").add("DEFAULT");
        config.putArray("fullSyncPeriod").add("-1");
        config.putArray("changedSyncPeriod").add("-1");
        return this;
    }

    private ObjectNode authenticatorConfig(String alias) {
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if (alias.equals(config.path("alias").asText())) {
                return (ObjectNode) config.get("config");
            }
        }
        throw new IllegalStateException("the realm template has no authenticator config '" + alias + "'");
    }

    /** Custom account → this run's password, for the launcher to print. */
    public Map<String, String> passwords() {
        return passwords;
    }

    public String toJson() {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String newPassword() {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            p.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        p.insert(random.nextInt(p.length()), DIGITS.charAt(random.nextInt(DIGITS.length())));
        p.insert(random.nextInt(p.length()), DIGITS.charAt(random.nextInt(DIGITS.length())));
        p.insert(random.nextInt(p.length()), SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
        return p.toString();
    }
}

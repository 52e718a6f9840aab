package tw.ecpa.keycloak.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The version of the ECPA bundle, as the build wrote it into bundle-version.properties. Every provider factory
 * of ours reports it in the admin console's server info (Keycloak's ServerInfoAwareProviderFactory), so an
 * operator sees which bundle a server runs without opening the jar.
 */
public final class BundleVersion {

    private static final String RESOURCE = "bundle-version.properties";
    private static final String VERSION = read();
    private static final Map<String, String> OPERATIONAL_INFO = Map.of("version", VERSION);

    private BundleVersion() {
    }

    /** The bundle's version, for example 0.1.0-SNAPSHOT. */
    public static String version() {
        return VERSION;
    }

    /** What a factory's getOperationalInfo() answers: {"version": the bundle's version}. */
    public static Map<String, String> operationalInfo() {
        return OPERATIONAL_INFO;
    }

    private static String read() {
        try (InputStream in = BundleVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            if (version.isEmpty() || version.contains("${")) {
                throw new IllegalStateException(RESOURCE + " was not filtered by the build: " + version);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package tw.ecpa.keycloak.it;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration of the whole suite: every test class uses it, so the framework starts
 * the distribution once per run. The bundle jar is taken from bundle/target by the reactor.
 */
public class EcpaServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        // Our providers log at every level they have, Keycloak at an operator's default: LogAndEventScanIT
        // scans all of it for the test data's secrets.
        config.log().categoryLevel("tw.ecpa", "DEBUG").categoryLevel("org.keycloak", "INFO");
        return config.dependency("tw.ecpa.keycloak", "ecpa-keycloak-bundle")
                // The management interface (9000) as docs/operations.md has an operator turn it on: /health, and
                // /metrics with Keycloak's user-event metrics next to the ecpa meters (MetricsIT).
                .option("health-enabled", "true")
                .option("metrics-enabled", "true")
                .option("event-metrics-user-enabled", "true")
                .option("event-metrics-user-tags", "realm")
                // theme: the header's online-now figure is kept the shortest interval there is (0 is refused), so a
                // test sees its own login a second later
                .spiOption("realm-restapi-extension", "ecpa-portal", "online-now-seconds", "1");
    }
}

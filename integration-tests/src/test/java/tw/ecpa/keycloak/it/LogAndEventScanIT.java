package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;

import tw.ecpa.keycloak.dev.demo.DemoPersonnel;

/**
 * The end of {@code mvn verify}: after every other integration test, neither the server log of the run
 * nor any event the realm stored (login events and admin events, read through the admin API) holds a
 * PIN, password, generated password, nonce or unmasked national ID of the run's test data
 * ({@link RunSecrets}). A finding fails the build and is listed by kind, masked, and where it was.
 */
@RunsLast
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class LogAndEventScanIT extends EcpaIntegrationTest {

    /** Findings listed in the failure; the count per kind covers the rest. */
    private static final int LISTED = 40;
    private static final int PAGE = 500;

    @BeforeAll
    static void theDemoDataIsTestDataToo() {
        RunSecrets.registerDemoData();
    }

    @BeforeEach
    void onlyAtTheEndOfARun() {
        Assumptions.assumeTrue(RunServerLog.finishedClasses() > 0,
                "no other integration test ran before the scan in this JVM, so there is no run to scan: run it with the others");
    }

    @Test
    void theHelpersRegisteredTheSecretsOfTheRun() {
        DemoPersonnel demo = DemoPersonnel.load();
        int demoIds = demo.personnel().size() + (demo.cardsWithoutRecord() == null ? 0 : demo.cardsWithoutRecord().size());
        assertThat(RunSecrets.count(RunSecrets.Kind.NATIONAL_ID)).as("national IDs made by the tests, beyond the demo data's")
                .isGreaterThan(demoIds);
        assertThat(RunSecrets.count(RunSecrets.Kind.PASSWORD)).as("passwords given or typed by the tests").isPositive();
    }

    @Test
    void theServerLogOfTheRunHoldsNoSecretOfTheTestData() throws IOException {
        List<String> lines = RunServerLog.lines();
        assertThat(lines).as("the server's log lines of the run").isNotEmpty();
        SecretScan scan = new SecretScan(RunSecrets.all());
        for (int i = 0; i < lines.size(); i++) {
            scan.scan("the server log, line " + (i + 1), lines.get(i));
        }
        // VisitorFiguresRestartIT's own server and ClusterIT's nodes, when they ran, log to files.
        Path restartLog = Path.of(System.getProperty("ecpa.restartKeycloak.home", "target/restart-keycloak")).resolveSibling("restart-keycloak.log");
        Path clusterLogs = Path.of(System.getProperty("ecpa.clusterKeycloak.home", "target/cluster-keycloak")).resolveSibling("cluster");
        for (Path log : List.of(restartLog, clusterLogs.resolve("node-1.log"), clusterLogs.resolve("node-2.log"))) {
            if (Files.exists(log)) {
                List<String> logLines = Files.readAllLines(log);
                for (int i = 0; i < logLines.size(); i++) {
                    scan.scan(log.getFileName() + ", line " + (i + 1), logLines.get(i));
                }
            }
        }
        assertNothingFound(scan, lines.size() + " lines of the server log");
    }

    @Test
    void theRealmsStoredEventsHoldNoSecretOfTheTestData() {
        SecretScan scan = new SecretScan(RunSecrets.all());
        List<EventRepresentation> events = all((first, max) -> realm.admin().getEvents(null, null, null, null, null, null, first, max));
        List<AdminEventRepresentation> adminEvents = all((first, max) -> realm.admin().getAdminEvents(null, null, null, null, null, null,
                null, null, first, max));
        assertThat(events).as("the login events of the run").isNotEmpty();
        assertThat(adminEvents).as("the admin events of the run").isNotEmpty();
        for (EventRepresentation event : events) {
            scan.scan("the " + event.getType() + " event of " + event.getTime(), json(event));
        }
        for (AdminEventRepresentation event : adminEvents) {
            scan.scan("the admin event " + event.getOperationType() + " " + event.getResourceType() + " of " + event.getTime(), json(event));
        }
        assertNothingFound(scan, events.size() + " login events and " + adminEvents.size() + " admin events");
    }

    private static <T> List<T> all(BiFunction<Integer, Integer, List<T>> page) {
        List<T> out = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<T> batch = page.apply(first, PAGE);
            out.addAll(batch);
            if (batch.size() < PAGE) {
                return out;
            }
        }
    }

    private static String json(Object event) {
        try {
            return JsonSerialization.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNothingFound(SecretScan scan, String scanned) {
        List<SecretScan.Finding> findings = scan.findings();
        Map<String, Long> perKind = findings.stream()
                .collect(Collectors.groupingBy(f -> f.kind().label(), TreeMap::new, Collectors.counting()));
        String listed = findings.stream().limit(LISTED).map(SecretScan.Finding::toString).collect(Collectors.joining("\n  "));
        assertThat(findings.size()).as("secrets of the test data in %s (secrets known: %d); found per kind %s; the first %d:%n  %s",
                scanned, RunSecrets.all().size(), perKind, Math.min(LISTED, findings.size()), listed).isZero();
    }
}

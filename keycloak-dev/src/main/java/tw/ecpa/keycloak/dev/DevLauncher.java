package tw.ecpa.keycloak.dev;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldConfig;
import tw.ecpa.keycloak.dev.demo.DemoPersonnel;
import tw.ecpa.keycloak.dev.demo.DemoPersonnelDatabase;
import tw.ecpa.keycloak.dev.demo.DevRealmImport;
import tw.ecpa.keycloak.dev.mail.MailCatcher;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;
import tw.ecpa.keycloak.dev.realm.UserFederationSync;
import tw.ecpa.keycloak.dev.server.ClusterNode;
import tw.ecpa.keycloak.dev.server.DevKeycloak;
import tw.ecpa.keycloak.dev.server.KeycloakCluster;
import tw.ecpa.keycloak.dev.server.PrivatePostgres;

/**
 * The README's first command: Keycloak with the bundle, the demo realm, the mail catcher and the card
 * world (test PKI, virtual card reader, CRL/OCSP, holder check), all on 127.0.0.1, printed as a list of
 * URLs, demo accounts and demo cards. Ctrl-C stops everything it started.
 *
 * <p>{@code --db=postgres --nodes=2} runs the same world on a private PostgreSQL and a two-node cluster in
 * production mode ({@link DevOptions}). The demo personnel reach the realm as a ministry's would: an embedded
 * personnel database (an H2 file, {@link DemoPersonnelDatabase}) read by the User federation
 * {@code ecpa-personnel-db}, whose first full sync links the demo users the realm import made (their custom
 * accounts and passwords kept) before the banner is printed; {@code --personnel=realm-import} leaves the realm
 * import's users as they are. Ports stay clear of the integration tests' fixed 8080/9000, of
 * the cluster test's and of SMTP 3025, so tests can run while a developer keeps this up. Each may be
 * overridden with a system property of the same name.
 */
public final class DevLauncher {

    static final int KEYCLOAK_PORT = Integer.getInteger("ecpa.dev.keycloakPort", 8180);
    static final int MANAGEMENT_PORT = Integer.getInteger("ecpa.dev.managementPort", 9100);
    static final int SMTP_PORT = Integer.getInteger("ecpa.dev.smtpPort", 2525);
    static final int MAIL_WEB_PORT = Integer.getInteger("ecpa.dev.mailWebPort", 8025);
    /** {@code --db=postgres}: node i on 8580 + 100 i (management 9500 + 100 i, transport 7800 + i), PostgreSQL on 55432. */
    static final int CLUSTER_PORT = Integer.getInteger("ecpa.dev.clusterPort", 8580);
    static final int CLUSTER_MANAGEMENT_PORT = Integer.getInteger("ecpa.dev.clusterManagementPort", 9500);
    static final int CLUSTER_TRANSPORT_PORT = Integer.getInteger("ecpa.dev.clusterTransportPort", 7800);
    static final int DATABASE_PORT = Integer.getInteger("ecpa.dev.databasePort", 55432);

    private DevLauncher() {
    }

    public static void main(String[] args) throws Exception {
        DevOptions options;
        try {
            options = DevOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.postgres() && !PrivatePostgres.installed()) {
            System.err.println("--db=postgres needs Debian's PostgreSQL server: apt-get install postgresql");
            System.exit(1);
        }
        Path home = Path.of(System.getProperty("ecpa.dev.keycloakHome", "keycloak-dev/target/keycloak"));
        Path bundle = home.resolve("providers/ecpa-keycloak-bundle.jar");
        Path target = Files.createDirectories(Path.of("keycloak-dev/target"));

        DemoPersonnel personnel = DemoPersonnel.load();
        String adminPassword = generatedAdminPassword();
        CountDownLatch stopped = new CountDownLatch(1);
        List<URI> nodeUrls = new ArrayList<>();
        for (int i = 0; i < options.nodes(); i++) {
            nodeUrls.add(URI.create("http://localhost:" + (options.postgres() ? CLUSTER_PORT + 100 * i : KEYCLOAK_PORT)));
        }

        // The PKI is kept between runs (same DNs and serials, same keys) so a browser's trust stays put.
        CardWorldConfig.Builder cardConfig = CardWorldConfig.developmentBuilder(target.resolve("dev-pki"));
        // the pages of every node may use the reader, as the real component trusts the sites an agency adds
        nodeUrls.forEach(url -> cardConfig.allowOrigin(url.toString()).allowOrigin(url.toString().replace("localhost", "127.0.0.1")));
        CardWorld cards = CardWorld.start(cardConfig.build());
        MailCatcher mail = MailCatcher.start(SMTP_PORT, MAIL_WEB_PORT);
        List<AutoCloseable> servers = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Keycloak, the mail catcher and the card world...");
            synchronized (servers) {
                servers.forEach(DevLauncher::closeQuietly);
            }
            mail.close();
            cards.close();
            stopped.countDown();
        }, "ecpa-dev-shutdown"));

        DevRealmImport realm = DevRealmImport.fromBundle(bundle)
                .withDemoPersonnel(personnel)
                .withSmtp(mail.smtpPort())
                .withCardWorld(CertificateConfiguration.trusting(cards.pki(), "http://localhost:" + cards.readerUrl().getPort()),
                        cards.holderCheckUrl().toString());
        String where;
        String personnelSource;
        try {
            DemoPersonnelDatabase personnelDatabase = null;
            if (options.personnelDatabase()) {
                personnelDatabase = DemoPersonnelDatabase.create(target.resolve("personnel-db"), personnel);
                realm.withPersonnelDatabase(personnelDatabase.jdbcUrl(), DemoPersonnelDatabase.USER, DemoPersonnelDatabase.VIEW);
            }
            if (options.postgres()) {
                Path work = target.resolve("cluster");
                System.out.println("Starting PostgreSQL on 127.0.0.1:" + DATABASE_PORT + " and " + options.nodes() + " Keycloak node(s) in production mode"
                        + " (logs: " + work.toAbsolutePath() + ") ...");
                // no public address: each node serves pages under its own, so either can be used by hand
                KeycloakCluster cluster = KeycloakCluster.start(home, work, new KeycloakCluster.Topology(options.nodes(),
                                CLUSTER_PORT, CLUSTER_MANAGEMENT_PORT, CLUSTER_TRANSPORT_PORT, DATABASE_PORT, null, List.of()),
                        realm.realmName(), realm.toJson(), "admin", adminPassword);
                synchronized (servers) {
                    servers.add(cluster);
                }
                StringBuilder nodes = new StringBuilder();
                for (ClusterNode node : cluster.nodes()) {
                    nodes.append(String.format("  %-7s http://localhost:%d   (health and metrics: %s/health, /metrics; log %s)%n", node.name(),
                            node.httpPort(), node.managementUrl(), node.log()));
                }
                where = "Keycloak cluster of " + options.nodes() + " on PostgreSQL 127.0.0.1:" + DATABASE_PORT + " (database "
                        + PrivatePostgres.DATABASE + ", user " + PrivatePostgres.USER + "; data under " + work.toAbsolutePath() + "/postgres):\n" + nodes;
            } else {
                Path log = target.resolve("keycloak-dev.log").toAbsolutePath();
                DevKeycloak keycloak = new DevKeycloak(home, KEYCLOAK_PORT, MANAGEMENT_PORT);
                synchronized (servers) {
                    servers.add(keycloak);
                }
                System.out.println("Starting Keycloak (log: " + log + ") ...");
                keycloak.start(realm.realmName(), realm.toJson(), "admin", adminPassword, log);
                where = "";
            }
            personnelSource = personnelDatabase == null
                    ? "Personnel:      the realm import's own users (--personnel=realm-import), no User federation\n"
                    : synchronisedPersonnel(nodeUrls.get(0), realm.realmName(), adminPassword, personnelDatabase);
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println("Could not start: " + e.getMessage());
            // exit, not return: the shutdown hook stops what did start, and no server thread keeps us alive
            System.exit(1);
            return;
        }

        System.out.println(banner(nodeUrls, where, mail, personnelSource, realm.realmName(), adminPassword, realm.passwords(), personnel));
        System.out.println("Virtual card reader: " + cards.readerUrl() + "  (insert, remove, lock, unlock cards at "
                + cards.readerUrl() + "/control)");
        System.out.println("Revocation (CRL, OCSP): " + cards.revocationUrl() + "   Holder check: " + cards.holderCheckUrl());
        System.out.println("\nDemo cards (the PINs are test data of the test PKI, never real ones):\n" + cards.cardTable());
        stopped.await();
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("Could not stop " + server + ": " + e.getMessage());
        }
    }

    /**
     * Runs the first full sync of the realm's personnel database, which links the realm import's demo users to it,
     * and answers the banner's line. A row the sync left out, or a sync that failed, leaves demo people the realm
     * import's own users, who still log in: the banner says so, with where to look, rather than stopping a server
     * that works.
     */
    private static String synchronisedPersonnel(URI baseUrl, String realmName, String adminPassword, DemoPersonnelDatabase database) {
        System.out.println("Synchronising the personnel database into the realm (" + DevRealmImport.PERSONNEL_DB_PROVIDER + ") ...");
        String line = String.format("Personnel:      from the embedded personnel database through %s (%s, user %s, view %s);%n",
                DevRealmImport.PERSONNEL_DB_PROVIDER, database.jdbcUrl(), DemoPersonnelDatabase.USER, DemoPersonnelDatabase.VIEW);
        UserFederationSync.Counts counts;
        try {
            UserFederationSync sync = new UserFederationSync(baseUrl, realmName, "admin", adminPassword);
            counts = sync.fullSync(sync.componentId(DevRealmImport.PERSONNEL_DB_PROVIDER));
        } catch (IllegalStateException | UncheckedIOException e) {
            return line + "                WARNING: the full sync failed (" + e.getMessage() + "): the demo people are the realm"
                    + " import's own users; the Keycloak log has the cause\n";
        }
        line += String.format("                full sync: %d added, %d updated (linked), %d failed%n",
                counts.added(), counts.updated(), counts.failed());
        if (counts.added() + counts.updated() + counts.failed() == 0) {
            // Keycloak answers a sync that failed (the database unreadable) with zero counts, and only its log says why;
            // the first sync after the realm import links, adds or reports every row.
            return line + "                WARNING: the sync reached nobody: the demo people are the realm import's own users;"
                    + " the Keycloak log has the cause (logger tw.ecpa.keycloak.personneldb.PersonnelSync)\n";
        }
        return counts.failed() == 0 ? line
                : line + "                WARNING: rows were left out; the Keycloak log names them (logger tw.ecpa.keycloak.personneldb.SyncReport)\n";
    }

    private static String banner(List<URI> nodeUrls, String where, MailCatcher mail, String personnelSource, String realmName,
                                 String adminPassword, Map<String, String> passwords, DemoPersonnel personnel) {
        String base = nodeUrls.get(0).toString();
        StringBuilder out = new StringBuilder("\n=== ECPA Keycloak dev is up (Ctrl-C stops everything) ===\n").append(where);
        for (int i = 0; i < nodeUrls.size(); i++) {
            out.append(nodeUrls.size() > 1 ? "Account console on node-" + (i + 1) + ": " : "Account console (sign in here): ")
                    .append(nodeUrls.get(i)).append("/realms/").append(realmName).append("/account\n");
        }
        out.append("Admin console:  ").append(base).append("/admin/master/console/#/").append(realmName)
                .append("   user admin / ").append(adminPassword).append('\n')
                .append("Mail catcher:   ").append(mail.webUrl()).append("   (SMTP 127.0.0.1:").append(mail.smtpPort()).append(")\n")
                .append(personnelSource)
                .append("\nDemo accounts with a custom account (passwords are new every run):\n");
        personnel.setUpPersonnel().forEach(p -> out.append(String.format("  %-14s %-12s %-6s %s%n",
                p.account(), passwords.get(p.account()), p.fullName(), p.realmRole().orElse(""))));
        out.append("\nEveryone else (").append(personnel.personnel().size() - passwords.size())
                .append(" people) has no password yet: the guide's first login applies.\n");
        return out.toString();
    }

    private static String generatedAdminPassword() {
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            p.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return p.toString();
    }
}

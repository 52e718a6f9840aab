package tw.ecpa.keycloak.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldConfig;
import tw.ecpa.keycloak.dev.demo.DemoPersonnel;
import tw.ecpa.keycloak.dev.demo.DevRealmImport;
import tw.ecpa.keycloak.dev.mail.MailCatcher;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;
import tw.ecpa.keycloak.dev.server.DevKeycloak;

/**
 * The README's first command: Keycloak with the bundle, the demo realm, the mail catcher and the card
 * world (test PKI, virtual card reader, CRL/OCSP, holder check), all on 127.0.0.1, printed as a list of
 * URLs, demo accounts and demo cards. Ctrl-C stops everything it started.
 *
 * <p>Ports stay clear of the integration tests' fixed 8080/9000 and of SMTP 3025, so tests can run
 * while a developer keeps this up. Each may be overridden with a system property of the same name.
 */
public final class DevLauncher {

    static final int KEYCLOAK_PORT = Integer.getInteger("ecpa.dev.keycloakPort", 8180);
    static final int MANAGEMENT_PORT = Integer.getInteger("ecpa.dev.managementPort", 9100);
    static final int SMTP_PORT = Integer.getInteger("ecpa.dev.smtpPort", 2525);
    static final int MAIL_WEB_PORT = Integer.getInteger("ecpa.dev.mailWebPort", 8025);

    private DevLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("ecpa.dev.keycloakHome", "keycloak-dev/target/keycloak"));
        Path bundle = home.resolve("providers/ecpa-keycloak-bundle.jar");
        Path target = Files.createDirectories(Path.of("keycloak-dev/target"));
        Path log = target.resolve("keycloak-dev.log").toAbsolutePath();

        DemoPersonnel personnel = DemoPersonnel.load();
        String adminPassword = generatedAdminPassword();
        CountDownLatch stopped = new CountDownLatch(1);

        // The PKI is kept between runs (same DNs and serials, same keys) so a browser's trust stays put.
        CardWorld cards = CardWorld.start(CardWorldConfig.development(target.resolve("dev-pki")));
        MailCatcher mail = MailCatcher.start(SMTP_PORT, MAIL_WEB_PORT);
        DevKeycloak keycloak = new DevKeycloak(home, KEYCLOAK_PORT, MANAGEMENT_PORT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Keycloak, the mail catcher and the card world...");
            keycloak.close();
            mail.close();
            cards.close();
            stopped.countDown();
        }, "ecpa-dev-shutdown"));

        DevRealmImport realm = DevRealmImport.fromBundle(bundle)
                .withDemoPersonnel(personnel)
                .withSmtp(mail.smtpPort())
                .withCardWorld(CertificateConfiguration.trusting(cards.pki(), "http://localhost:" + cards.readerUrl().getPort()),
                        cards.holderCheckUrl().toString());
        System.out.println("Starting Keycloak (log: " + log + ") ...");
        try {
            keycloak.start(realm.realmName(), realm.toJson(), "admin", adminPassword, log);
        } catch (IllegalStateException e) {
            System.err.println("Could not start: " + e.getMessage());
            // exit, not return: the shutdown hook stops what did start, and no server thread keeps us alive
            System.exit(1);
        }

        System.out.println(banner(keycloak, mail, realm.realmName(), adminPassword, realm.passwords(), personnel));
        System.out.println("Virtual card reader: " + cards.readerUrl() + "  (insert, remove, lock, unlock cards at "
                + cards.readerUrl() + "/control)");
        System.out.println("Revocation (CRL, OCSP): " + cards.revocationUrl() + "   Holder check: " + cards.holderCheckUrl());
        System.out.println("\nDemo cards (the PINs are test data of the test PKI, never real ones):\n" + cards.cardTable());
        stopped.await();
    }

    private static String banner(DevKeycloak keycloak, MailCatcher mail, String realmName, String adminPassword,
                                 Map<String, String> passwords, DemoPersonnel personnel) {
        String base = keycloak.baseUrl().toString();
        StringBuilder out = new StringBuilder("\n=== ECPA Keycloak dev is up (Ctrl-C stops everything) ===\n")
                .append("Account console (sign in here): ").append(base).append("/realms/").append(realmName).append("/account\n")
                .append("Admin console:  ").append(base).append("/admin/master/console/#/").append(realmName)
                .append("   user admin / ").append(adminPassword).append('\n')
                .append("Mail catcher:   ").append(mail.webUrl()).append("   (SMTP 127.0.0.1:").append(mail.smtpPort()).append(")\n")
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

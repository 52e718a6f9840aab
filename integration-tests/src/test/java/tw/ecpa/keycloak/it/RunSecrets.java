package tw.ecpa.keycloak.it;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tw.ecpa.keycloak.dev.demo.DemoPersonnel;
import tw.ecpa.keycloak.dev.pki.DemoCard;
import tw.ecpa.keycloak.dev.pki.DemoCards;

/**
 * Every secret of the run's test data: the test helpers register each one they make, type or read (a
 * national ID, a password given or typed, a generated password read from a letter, a PIN sent to the card
 * reader, a nonce read from a page), and the demo data's national IDs and card PINs are known from the
 * start. {@link LogAndEventScanIT}, the run's last class, looks for every one of them in the server log
 * and the realm's stored events. Kept in this JVM: failsafe runs every IT class in one.
 */
final class RunSecrets {

    /** What a secret is, as the scan reports it. */
    enum Kind {
        NATIONAL_ID("unmasked national ID"),
        PASSWORD("password"),
        GENERATED_PASSWORD("generated password"),
        PIN("PIN"),
        NONCE("nonce");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** Shorter values are no secret worth the name and would be found everywhere (a 3-digit number in a port). */
    private static final int SHORTEST = 4;
    private static final Map<String, Kind> SECRETS = new ConcurrentHashMap<>();

    private RunSecrets() {
    }

    static String nationalId(String id) {
        return register(Kind.NATIONAL_ID, id == null ? null : id.strip().toUpperCase(Locale.ROOT));
    }

    static String password(String password) {
        return register(Kind.PASSWORD, password);
    }

    static String generatedPassword(String password) {
        return register(Kind.GENERATED_PASSWORD, password);
    }

    static String pin(String pin) {
        return register(Kind.PIN, pin);
    }

    static String nonce(String nonce) {
        return register(Kind.NONCE, nonce);
    }

    /** Returns {@code value}, so that a helper can register what it hands on in the same expression. */
    private static String register(Kind kind, String value) {
        if (value != null && value.length() >= SHORTEST) {
            // A value registered as two kinds (a generated password typed at login) keeps the first.
            SECRETS.putIfAbsent(value, kind);
        }
        return value;
    }

    /**
     * A value a test typed into a password field although it is public (a custom account, typed to show
     * that the policy refuses it): logs and events may carry it as the username it is.
     */
    static void notSecret(String value) {
        SECRETS.remove(value);
    }

    /** The demo personnel's national IDs and every demo card's PIN: test data of every run. */
    static void registerDemoData() {
        DemoPersonnel demo = DemoPersonnel.load();
        demo.personnel().forEach(p -> nationalId(p.nationalId()));
        if (demo.cardsWithoutRecord() != null) {
            demo.cardsWithoutRecord().forEach(p -> nationalId(p.nationalId()));
        }
        DemoCards.from(demo).all().stream().map(DemoCard::pin).forEach(RunSecrets::pin);
    }

    static Map<String, Kind> all() {
        return Map.copyOf(SECRETS);
    }

    static long count(Kind kind) {
        return SECRETS.values().stream().filter(kind::equals).count();
    }
}

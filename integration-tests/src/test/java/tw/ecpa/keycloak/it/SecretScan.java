package tw.ecpa.keycloak.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tw.ecpa.keycloak.core.NationalIdMask;

/**
 * Looks for secrets in texts (log lines, events as JSON) and tells what it found without showing it: the
 * kind, the secret masked, where, and the text around it with every secret in it masked. A national ID
 * is found in any case; a PIN only as a number of its own, not inside a longer one (a timestamp); any
 * other secret wherever it occurs.
 */
final class SecretScan {

    private static final int EXCERPT = 120;

    /** One secret found somewhere; {@link #toString()} is safe to print. */
    record Finding(RunSecrets.Kind kind, String masked, String where, String excerpt) {

        @Override
        public String toString() {
            return kind.label() + " " + masked + " in " + where + ": …" + excerpt + "…";
        }
    }

    private final Map<String, RunSecrets.Kind> secrets;
    private final List<Finding> findings = new ArrayList<>();

    SecretScan(Map<String, RunSecrets.Kind> secrets) {
        this.secrets = Map.copyOf(secrets);
    }

    void scan(String where, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        secrets.forEach((secret, kind) -> {
            int at = indexOf(kind, secret, text, upper);
            if (at >= 0) {
                findings.add(new Finding(kind, mask(kind, secret), where, excerpt(text, at, kind, secret)));
            }
        });
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    private static int indexOf(RunSecrets.Kind kind, String secret, String text, String upper) {
        return switch (kind) {
            case NATIONAL_ID -> upper.indexOf(secret);
            case PIN -> standalone(secret, text);
            default -> text.indexOf(secret);
        };
    }

    private static int standalone(String number, String text) {
        for (int at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
            int end = at + number.length();
            if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return at;
            }
        }
        return -1;
    }

    /** The text around the secret at {@code at}, with every secret in it masked, this one first. */
    private String excerpt(String text, int at, RunSecrets.Kind kind, String secret) {
        String masked = mask(kind, secret);
        String all = text.substring(0, at) + masked + text.substring(at + secret.length());
        for (Map.Entry<String, RunSecrets.Kind> other : secrets.entrySet()) {
            String otherMasked = mask(other.getValue(), other.getKey());
            all = all.replace(other.getKey(), otherMasked);
            if (other.getValue() == RunSecrets.Kind.NATIONAL_ID) {
                all = all.replace(other.getKey().toLowerCase(Locale.ROOT), otherMasked);
            }
        }
        return all.substring(Math.max(0, at - EXCERPT), Math.min(all.length(), at + masked.length() + EXCERPT)).replaceAll("\\s+", " ");
    }

    /**
     * A national ID as the guide's lists show it; any other secret with only its first and last character
     * and its length left, enough to find it in the test that made it.
     */
    static String mask(RunSecrets.Kind kind, String secret) {
        if (kind == RunSecrets.Kind.NATIONAL_ID) {
            return NationalIdMask.mask(secret);
        }
        return secret.charAt(0) + "*".repeat(secret.length() - 2) + secret.charAt(secret.length() - 1);
    }
}

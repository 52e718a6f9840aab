package tw.ecpa.keycloak.core.password;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The guide's password rules that Keycloak's own password policies do not cover: a letter of either
 * case, the forbidden characters, and never the person's national ID. Length, digits, special symbols,
 * "not the username" and the history are Keycloak policies.
 */
public final class PasswordRules {

    /** 密碼請勿輸入下列特殊字元 % &amp; + * ? &lt; &gt; / \ (one screen of the guide adds '). */
    public static final String FORBIDDEN_CHARACTERS = "%&+*?<>/\\'";

    private PasswordRules() {
    }

    /** ASCII letters, upper or lower case: the guide's 英文字母. */
    public static int letterCount(String password) {
        return (int) password.chars().filter(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')).count();
    }

    /** Whether the password holds any of {@code forbidden}. */
    public static boolean containsAnyOf(String password, String forbidden) {
        return password.chars().anyMatch(c -> forbidden.indexOf(c) >= 0);
    }

    /** The characters for a message, space-separated: {@code % & + * ? < > / \ '}. */
    public static String listed(String characters) {
        return characters.chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining(" "));
    }

    /** Whether the password contains the national ID, whatever the case of its letter. */
    public static boolean containsNationalId(String password, String nationalId) {
        if (nationalId == null || nationalId.isEmpty()) {
            return false;
        }
        return password.toUpperCase(Locale.ROOT).contains(nationalId.toUpperCase(Locale.ROOT));
    }
}

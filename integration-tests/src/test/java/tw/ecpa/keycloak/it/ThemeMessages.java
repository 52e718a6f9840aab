package tw.ecpa.keycloak.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * Our messages as Keycloak merges them for a page: the providers' theme-resources bundle underneath, the ecpa
 * theme's bundle of a theme type over it, read from the bundle jar on the test class path.
 */
final class ThemeMessages {

    private ThemeMessages() {
    }

    /** A message of the ecpa theme type ("login", "email") in a language ("en", "zh-Hant"), formatted as Keycloak does. */
    static String messageIn(String type, String lang, String key, Object... params) {
        boolean chinese = lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh");
        Properties messages = new Properties();
        load(messages, "/theme-resources/messages/" + (chinese ? "messages_zh__#Hant" : "messages_en") + ".properties");
        load(messages, "/theme/ecpa/" + type + "/messages/" + (chinese ? "messages_zh_Hant" : "messages_en") + ".properties");
        String pattern = messages.getProperty(key);
        if (pattern == null) {
            throw new AssertionError("no " + type + " message " + key + " in " + (chinese ? "zh-Hant" : "en"));
        }
        return new MessageFormat(pattern, Locale.ROOT).format(params);
    }

    /** A provider message (theme-resources only), as a page under any login theme shows it. */
    static String providerMessageIn(String lang, String key, Object... params) {
        boolean chinese = lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh");
        Properties messages = new Properties();
        load(messages, "/theme-resources/messages/" + (chinese ? "messages_zh__#Hant" : "messages_en") + ".properties");
        String pattern = messages.getProperty(key);
        if (pattern == null) {
            throw new AssertionError("no provider message " + key + " in " + (chinese ? "zh-Hant" : "en"));
        }
        return new MessageFormat(pattern, Locale.ROOT).format(params);
    }

    private static void load(Properties messages, String resource) {
        try (InputStream in = ThemeMessages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no " + resource + " on the test class path");
            }
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

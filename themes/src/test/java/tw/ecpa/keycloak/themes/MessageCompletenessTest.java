package tw.ecpa.keycloak.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text a person can see exists in zh-Hant (the default) and in English: both bundles of a theme
 * type, and both bundles of our providers (theme-resources/messages), hold the same keys, and every key a
 * template or our Java code names is in our bundles or in Keycloak's own theme messages (keycloak-themes,
 * for keys our pages borrow such as doSubmit). The messages our Java code shows are the providers' (they
 * must show under any theme, keycloak.v2 included), never the ecpa theme's only.
 */
class MessageCompletenessTest {

    private static final Path THEME = Path.of("src/main/resources/theme/ecpa");
    /**
     * The providers' bundles, which Keycloak reads underneath every theme. It names them by
     * {@code Locale.toString()}: zh-Hant is {@code zh__#Hant}, where a theme's own bundle says {@code zh_Hant}.
     */
    private static final Path PROVIDER_MESSAGES = Path.of("src/main/resources/theme-resources/messages");
    private static final String PROVIDERS = "providers";
    /** The modules whose Java code puts message keys on pages, in mails or in API answers. */
    private static final List<Path> JAVA_SOURCES = Stream.of("core", "model", "authenticators", "required-actions", "admin-extension", "themes")
            .map(module -> Path.of("..", module, "src/main/java")).toList();

    /** {@code msg("key")}, {@code msg('key')}, {@code advancedMsg("key")}, {@code msgStr("key")}, {@code msg["key"]}. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("\\b(?:msg|advancedMsg|msgStr)\\s*(?:\\(\\s*|\\[\\s*)([\"'])([^\"'$]+)\\1(\\s*\\+)?");
    /** keycloak.v2's button macros take the key itself: {@code <@buttons.button label="doSubmit" .../>}. */
    private static final Pattern BUTTON_LABEL = Pattern.compile("<@buttons\\.button\\b[^>]*\\blabel=\"([^\"$]+)\"");

    /** A key literal where Java shows a message: FormMessage, setError/Info/Success/Warning. */
    private static final Pattern JAVA_MESSAGE_CALL = Pattern.compile(
            "(?:new\\s+FormMessage\\s*\\([^;]*?|\\.(?:setError|setInfo|setSuccess|setWarning)\\s*\\(\\s*)\"([A-Za-z][\\w.-]*)\"");
    /** A credential type's names in the consoles: {@code .displayName("ecpa-certificate-display-name")}. */
    private static final Pattern CREDENTIAL_TEXT = Pattern.compile("\\.(?:displayName|helpText)\\s*\\(\\s*\"([A-Za-z][\\w.-]*)\"");
    /** Any string literal that may be one of our keys, and a literal our code appends to ({@code "ecpa.x." + code}). */
    private static final Pattern OUR_LITERAL = Pattern.compile("\"(ecpa[.-][\\w.-]*)\"(\\s*\\+)?");
    /** An enum constant carrying a key: {@code REVOKED("ecpa_certificate_revoked", "ecpa.certificate.revoked")}. */
    private static final Pattern ENUM_KEY = Pattern.compile("(?m)^\\s*[A-Z][A-Z0-9_]*\\s*\\([^;\\n]*?\"(ecpa\\.[\\w.-]*\\w)\"");
    /** A constant holding a key, when the same file shows it as a message. */
    private static final Pattern KEY_CONSTANT = Pattern.compile("static\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"(ecpa\\.[\\w.-]*\\w)\"\\s*;");
    /** A key built from a prefix: {@code "ecpa.nationalId." + code}. */
    private static final Pattern KEY_PREFIX = Pattern.compile("\"(ecpa\\.[\\w.-]*\\.)\"\\s*\\+");

    /** An apostrophe that is not one of a doubled pair. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"login", "account", "email", PROVIDERS})
    void bothLanguagesHoldTheSameKeys(String type) {
        Set<String> chinese = keys(ours(type, "zh_Hant"));
        Set<String> english = keys(ours(type, "en"));

        assertThat(difference(chinese, english)).as("%s keys only in messages_zh_Hant.properties", type).isEmpty();
        assertThat(difference(english, chinese)).as("%s keys only in messages_en.properties", type).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"login", "account", "email"})
    void everyKeyATemplateNamesExists(String type) throws IOException {
        Set<String> known = known(type);
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(THEME.resolve(type))) {
            for (Path template : files.filter(f -> f.toString().endsWith(".ftl")).toList()) {
                String text = Files.readString(template);
                Matcher key = TEMPLATE_KEY.matcher(text);
                while (key.find()) {
                    boolean prefix = key.group(3) != null;
                    check(key.group(2), prefix, known, template, missing);
                }
                Matcher label = BUTTON_LABEL.matcher(text);
                while (label.find()) {
                    check(label.group(1), false, known, template, missing);
                }
            }
        }
        assertThat(missing).as("keys named in %s templates that no bundle has", type).isEmpty();
    }

    /**
     * A key of ours that Java shows is a provider message (Keycloak's own keys that we reword, such as
     * invalidPasswordMinLengthMessage, may stay in the theme: Keycloak has them under any theme).
     */
    @Test
    void everyKeyOurJavaCodeShowsIsAProviderMessage() throws IOException {
        Set<String> known = new TreeSet<>(known("login"));
        known.addAll(known("email"));
        Set<String> providers = keys(ours(PROVIDERS, "en"));
        Set<String> missing = new TreeSet<>();
        for (Path source : javaSources()) {
            String code = Files.readString(source);
            for (Matcher key : List.of(JAVA_MESSAGE_CALL.matcher(code), ENUM_KEY.matcher(code), CREDENTIAL_TEXT.matcher(code))) {
                while (key.find()) {
                    checkShown(key.group(1), false, known, providers, source, missing);
                }
            }
            Matcher constant = KEY_CONSTANT.matcher(code);
            while (constant.find()) {
                if (shownAsMessage(code, constant.group(1))) {
                    checkShown(constant.group(2), false, known, providers, source, missing);
                }
            }
            Matcher prefix = KEY_PREFIX.matcher(code);
            while (prefix.find()) {
                checkShown(prefix.group(1), true, known, providers, source, missing);
            }
        }
        assertThat(missing).as("keys our Java code shows that no bundle (or not the providers' bundle) has").isEmpty();
    }

    /**
     * Whatever way Java hands a key on (a policy's error, a mail subject, a value it formats), a key of a theme
     * bundle that our Java code names is one of the providers' messages, not only the ecpa theme's.
     */
    @Test
    void everyThemeKeyOurJavaCodeNamesIsAProviderMessage() throws IOException {
        Set<String> themeOnly = new TreeSet<>();
        for (String type : List.of("login", "account", "email")) {
            themeOnly.addAll(keys(ours(type, "en")));
        }
        themeOnly.removeAll(keys(ours(PROVIDERS, "en")));
        Set<String> named = new TreeSet<>();
        for (Path source : javaSources()) {
            Matcher literal = OUR_LITERAL.matcher(Files.readString(source));
            while (literal.find()) {
                String key = literal.group(1);
                boolean prefix = literal.group(2) != null && key.endsWith(".");
                themeOnly.stream().filter(k -> prefix ? k.startsWith(key) : k.equals(key))
                        .forEach(k -> named.add(k + " (in " + source.getFileName() + ")"));
            }
        }
        assertThat(named).as("keys our Java code names that only the ecpa theme has: move them to theme-resources/messages").isEmpty();
    }

    /** Keycloak lets a theme override a provider message; ours would only hide an edit made in one place. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"login", "account", "email"})
    void noThemeKeyRepeatsAProviderMessageDifferently(String type) {
        Set<String> different = new TreeSet<>();
        for (String language : List.of("zh_Hant", "en")) {
            Properties theme = ours(type, language);
            Properties providers = ours(PROVIDERS, language);
            for (String key : theme.stringPropertyNames()) {
                String provider = providers.getProperty(key);
                if (provider != null && !provider.equals(theme.getProperty(key))) {
                    different.add(key + " (" + language + ")");
                }
            }
        }
        assertThat(different).as("%s keys that the theme and theme-resources both hold, with different texts", type).isEmpty();
    }

    /**
     * Keycloak formats every message with {@link java.text.MessageFormat}, arguments or not, which eats a
     * lone apostrophe: "MOICA's" showed as "MOICAs". An apostrophe a person should see is written twice.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"login", "email", PROVIDERS})
    void everyApostropheSurvivesKeycloaksMessageFormat(String type) {
        Set<String> eaten = new TreeSet<>();
        for (String language : List.of("zh_Hant", "en")) {
            Properties messages = ours(type, language);
            for (String key : messages.stringPropertyNames()) {
                if (LONE_APOSTROPHE.matcher(messages.getProperty(key)).find()) {
                    eaten.add(key + " (" + language + ")");
                }
            }
        }
        assertThat(eaten).as("%s messages with an apostrophe MessageFormat would drop (write it as '')", type).isEmpty();
        assertThat(LONE_APOSTROPHE.matcher("MOICA's component").find()).isTrue();
        assertThat(LONE_APOSTROPHE.matcher("MOICA''s component").find()).isFalse();
    }

    /** ClasspathThemeResourceProviderFactory looks up theme-resources/messages/messages_ + Locale.toString(). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh-Hant", "en"})
    void theProvidersBundlesHaveTheNamesKeycloakLooksUp(String languageTag) {
        assertThat(PROVIDER_MESSAGES.resolve("messages_" + Locale.forLanguageTag(languageTag) + ".properties")).isRegularFile();
    }

    @Test
    void theCheckFindsAKeyThatIsMissing() {
        Set<String> missing = new TreeSet<>();
        check("ecpa.no.such.key", false, Set.of("ecpa.other"), Path.of("example.ftl"), missing);
        check("ecpa.no.such.", true, Set.of("ecpa.other"), Path.of("example.java"), missing);
        checkShown("ecpa.theme.only", false, Set.of("ecpa.theme.only"), Set.of("ecpa.other"), Path.of("Shown.java"), missing);
        checkShown("invalidPasswordMinLengthMessage", false, Set.of("invalidPasswordMinLengthMessage"), Set.of(), Path.of("Shown.java"), missing);

        assertThat(missing).containsExactly("ecpa.no.such. (prefix, in example.java)", "ecpa.no.such.key (in example.ftl)",
                "ecpa.theme.only (in Shown.java)");
        assertThat(TEMPLATE_KEY.matcher("${msg(\"ecpa.x\")} ${msg[\"ecpa.y\"]} ${advancedMsg('ecpa.z')}").results().map(m -> m.group(2)))
                .containsExactly("ecpa.x", "ecpa.y", "ecpa.z");
        assertThat(JAVA_MESSAGE_CALL.matcher("form.addError(new FormMessage(FIELD, \"ecpa.binding.departed\"));").find()).isTrue();
    }

    private static List<Path> javaSources() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path sources : JAVA_SOURCES) {
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(all::add);
            }
        }
        assertThat(all).as("Java sources of core").anyMatch(f -> f.getFileName().toString().equals("CardProblem.java"));
        return all;
    }

    /** A key of ours (ecpa…) must be a provider message; any other key must be known (Keycloak's, reworded or not). */
    private static void checkShown(String key, boolean prefix, Set<String> known, Set<String> providers, Path where, Set<String> missing) {
        check(key, prefix, key.startsWith("ecpa") ? providers : known, where, missing);
    }

    private static boolean shownAsMessage(String code, String constant) {
        return Pattern.compile("(?:new\\s+FormMessage\\s*\\([^;]*?|\\.(?:setError|setInfo|setSuccess|setWarning)\\s*\\(\\s*)\\b"
                + constant + "\\b").matcher(code).find();
    }

    private static void check(String key, boolean prefix, Set<String> known, Path where, Set<String> missing) {
        boolean found = prefix ? known.stream().anyMatch(k -> k.startsWith(key)) : known.contains(key);
        if (!found) {
            missing.add(key + (prefix ? " (prefix, in " : " (in ") + where.getFileName() + ")");
        }
    }

    /** Our keys of a theme type in both languages, our providers' keys, and Keycloak's own (base and keycloak.v2). */
    private static Set<String> known(String type) {
        Set<String> known = new TreeSet<>(keys(ours(type, "zh_Hant")));
        known.addAll(keys(ours(type, "en")));
        known.addAll(keys(ours(PROVIDERS, "zh_Hant")));
        known.addAll(keys(ours(PROVIDERS, "en")));
        for (String theme : List.of("base", "keycloak.v2")) {
            String resource = "/theme/" + theme + "/" + type + "/messages/messages_en.properties";
            try (InputStream in = MessageCompletenessTest.class.getResourceAsStream(resource)) {
                if (in != null) {
                    known.addAll(keys(load(new InputStreamReader(in, StandardCharsets.UTF_8))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(known).as("Keycloak's %s messages on the test class path", type)
                .contains(switch (type) {
                    case "login" -> "doSubmit";
                    case "account" -> "doSave";
                    default -> "emailVerificationSubject";
                });
        return known;
    }

    private static Properties ours(String type, String language) {
        Path file = PROVIDERS.equals(type)
                ? PROVIDER_MESSAGES.resolve("messages_" + ("zh_Hant".equals(language) ? "zh__#Hant" : language) + ".properties")
                : THEME.resolve(type).resolve("messages").resolve("messages_" + language + ".properties");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        return properties;
    }

    private static Set<String> keys(Properties properties) {
        return properties.stringPropertyNames().stream().collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> only = new TreeSet<>(a);
        only.removeAll(b);
        return only;
    }
}

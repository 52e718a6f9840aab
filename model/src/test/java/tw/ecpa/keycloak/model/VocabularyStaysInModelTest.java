package tw.ecpa.keycloak.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The personnel record's vocabulary is written in this module only: no other module's {@code src/main/java}
 * holds one of its names as a string literal (comments do not count). A module that needs a name uses the
 * constant, so a renamed attribute or note cannot leave a stale copy behind, the way the portal header's
 * agency once drifted. A few literals are the same word in another vocabulary (the fields of an HTTP
 * protocol or a JSON answer), listed below with the reason; an entry that no longer matches fails too.
 */
class VocabularyStaysInModelTest {

    /** The module directories next to this one whose main sources are scanned. */
    private static final List<String> MODULES = List.of(
            "core", "authenticators", "required-actions", "admin-extension", "personnel-storage", "themes", "keycloak-dev", "benchmarks");

    private static final Set<String> VOCABULARY = Set.of(
            PersonnelAttributes.NATIONAL_ID, PersonnelAttributes.AGENCY_CODE, PersonnelAttributes.EMPLOYMENT_STATUS,
            PersonnelAttributes.BIRTH_DATE, AgencyAttributes.OID, AgencyAttributes.NAME_EN,
            LoginMethod.NOTE, LoginMethod.ACTING_AGENCY_NOTE, LoginMethod.EVENT_DETAIL,
            EcpaMetrics.LOGINS, EcpaMetrics.REVOCATION_CHECKS, EcpaMetrics.HOLDER_CHECKS, EcpaMetrics.PASSWORD_RESETS,
            EcpaMetrics.MAIL_FAILURES, EcpaMetrics.FORGOT_PASSWORD);

    /** File (from the repository root) and literal, for words that mean something else there. */
    private static final Map<String, String> ANOTHER_VOCABULARY = Map.of(
            // The holder-check HTTP service's request field (the http holder verifier and the dev responder).
            "authenticators/src/main/java/tw/ecpa/keycloak/holder/HttpHolderVerifier.java", PersonnelAttributes.NATIONAL_ID,
            "keycloak-dev/src/main/java/tw/ecpa/keycloak/dev/holder/HolderCheckRequest.java", PersonnelAttributes.NATIONAL_ID,
            // The virtual card reader's control answer: the agency of the card in the reader.
            "keycloak-dev/src/main/java/tw/ecpa/keycloak/dev/card/ReaderControl.java", PersonnelAttributes.AGENCY_CODE,
            // The personnel API's /me answer: a JSON field of the console's, not the attribute.
            "admin-extension/src/main/java/tw/ecpa/keycloak/personnel/PersonnelResource.java", PersonnelAttributes.AGENCY_CODE);

    @Test
    void noOtherModuleSpellsTheModelsNames() {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> found = new ArrayList<>();
        Set<String> allowedSeen = new TreeSet<>();
        for (String module : MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertThat(sources).as("main sources of %s", module).isDirectory();
            for (Path file : javaFiles(sources)) {
                String name = root.relativize(file).toString().replace('\\', '/');
                for (String literal : StringLiterals.in(read(file))) {
                    if (!VOCABULARY.contains(literal)) {
                        continue;
                    }
                    if (literal.equals(ANOTHER_VOCABULARY.get(name))) {
                        allowedSeen.add(name);
                    } else {
                        found.add(name + ": \"" + literal + "\"");
                    }
                }
            }
        }
        assertThat(found).as("use the constants of tw.ecpa.keycloak.model instead of these literals").isEmpty();
        assertThat(allowedSeen).as("entries of ANOTHER_VOCABULARY that still match").containsExactlyInAnyOrderElementsOf(ANOTHER_VOCABULARY.keySet());
    }

    @Test
    void theScanSeesLiteralsAndNotComments() {
        String source = """
                /** {"nationalId": "x"} */
                class A { // "agencyCode"
                    String a = "birthDate", b = "say \\"hi\\"", c = "ecpa." + "loginMethod";
                    char q = '"';
                    String d = "employmentStatus";
                }
                """;
        assertThat(StringLiterals.in(source)).containsExactly("birthDate", "say \"hi\"", "ecpa.", "loginMethod", "employmentStatus");
    }

    private static List<Path> javaFiles(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The string literals of a Java source, text blocks included, with comments and char literals skipped. */
    static final class StringLiterals {

        private StringLiterals() {
        }

        static List<String> in(String source) {
            List<String> literals = new ArrayList<>();
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (source.startsWith("//", i)) {
                    i = endOfLine(source, i);
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2);
                    i = end < 0 ? source.length() : end + 2;
                } else if (source.startsWith("\"\"\"", i)) {
                    int end = source.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? source.length() : end;
                    literals.add(source.substring(i + 3, end).strip());
                    i = end + 3;
                } else if (c == '"' || c == '\'') {
                    StringBuilder literal = new StringBuilder();
                    i++;
                    while (i < source.length() && source.charAt(i) != c) {
                        if (source.charAt(i) == '\\' && i + 1 < source.length()) {
                            i++;
                        }
                        literal.append(source.charAt(i));
                        i++;
                    }
                    i++;
                    if (c == '"') {
                        literals.add(literal.toString());
                    }
                } else {
                    i++;
                }
            }
            return literals;
        }

        private static int endOfLine(String source, int from) {
            int end = source.indexOf('\n', from);
            return end < 0 ? source.length() : end;
        }
    }
}

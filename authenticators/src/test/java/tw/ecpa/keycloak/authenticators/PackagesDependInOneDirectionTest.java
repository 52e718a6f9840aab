package tw.ecpa.keycloak.authenticators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages of this module depend on each other in one direction only, and the picture of who imports
 * whom in {@code docs/development.md} ("Package dependencies") is the one the sources have: an import that
 * closes a cycle fails here, and so does a new edge nobody drew (draw it, or move the class).
 */
class PackagesDependInOneDirectionTest {

    private static final Pattern IMPORT = Pattern.compile(
            "^import\\s+(?:static\\s+)?tw\\.ecpa\\.keycloak\\.(authenticators(?:\\.[a-z]+)?|holder)\\.[A-Z]", Pattern.MULTILINE);
    private static final Pattern DRAWN_EDGE = Pattern.compile("^\\s*([a-z]+)\\s*-->\\s*([a-z]+)\\s*$", Pattern.MULTILINE);

    @Test
    void noPackageReachesItselfThroughItsImports() {
        Map<String, Set<String>> imports = importsOfEachPackage();
        for (String start : imports.keySet()) {
            assertThat(reachableFrom(start, imports)).as("packages %s reaches through its imports", start).doesNotContain(start);
        }
    }

    @Test
    void theDrawingInTheDevelopmentGuideIsTheOneTheSourcesHave() throws IOException {
        String guide = Files.readString(Path.of("../docs/development.md"), StandardCharsets.UTF_8);
        int section = guide.indexOf("## Package dependencies");
        assertThat(section).as("docs/development.md has a Package dependencies section").isNotNegative();
        int end = guide.indexOf("\n## ", section + 1);
        Matcher drawn = DRAWN_EDGE.matcher(guide.substring(section, end < 0 ? guide.length() : end));
        Set<String> drawnEdges = new TreeSet<>();
        while (drawn.find()) {
            drawnEdges.add(drawn.group(1) + " --> " + drawn.group(2));
        }
        Set<String> actualEdges = new TreeSet<>();
        importsOfEachPackage().forEach((from, tos) -> tos.forEach(to -> actualEdges.add(from + " --> " + to)));
        assertThat(drawnEdges).as("edges drawn in docs/development.md; the sources have %s", actualEdges)
                .containsExactlyElementsOf(actualEdges);
    }

    @Test
    void theScanSeesImportsOfOtherPackagesOnly() {
        Matcher matcher = IMPORT.matcher("""
                import tw.ecpa.keycloak.authenticators.gate.LoginGate;
                import static tw.ecpa.keycloak.holder.HolderCheck.MATCH;
                import tw.ecpa.keycloak.authenticators.IdentifyingStep;
                import tw.ecpa.keycloak.model.PersonnelRecord;
                // import tw.ecpa.keycloak.authenticators.home.Nothing;
                """);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(shortName(matcher.group(1)));
        }
        assertThat(found).containsExactly("gate", "holder", "authenticators");
    }

    /** Short package name (the part after {@code authenticators.}, or {@code authenticators}, or {@code holder}) to the ones it imports. */
    private static Map<String, Set<String>> importsOfEachPackage() {
        Path sources = Path.of("src/main/java/tw/ecpa/keycloak");
        assertThat(sources).isDirectory();
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String own = shortName(sources.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.'));
                Set<String> theirs = imports.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher matcher = IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    String imported = shortName(matcher.group(1));
                    if (!imported.equals(own)) {
                        theirs.add(imported);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return imports;
    }

    private static String shortName(String packageName) {
        return packageName.startsWith("authenticators.") ? packageName.substring("authenticators.".length()) : packageName;
    }

    private static Set<String> reachableFrom(String start, Map<String, Set<String>> imports) {
        Set<String> seen = new HashSet<>();
        List<String> next = new ArrayList<>(imports.getOrDefault(start, Set.of()));
        while (!next.isEmpty()) {
            String here = next.remove(next.size() - 1);
            if (seen.add(here)) {
                next.addAll(imports.getOrDefault(here, Set.of()));
            }
        }
        return seen;
    }
}

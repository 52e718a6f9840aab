package tw.ecpa.keycloak.dev.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Emptying the data directories this package's servers begin from (dev Keycloak, cluster, PostgreSQL). */
final class Directories {

    private Directories() {
    }

    /** Deletes {@code dir} and everything under it; nothing when it is not there. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

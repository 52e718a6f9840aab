package tw.ecpa.keycloak.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every line the Keycloak distribution prints while a test runs. The test framework reads the server's
 * console output and logs each line on the "managed.keycloak" logger of the test JVM; this listens there.
 */
final class ServerLog implements AutoCloseable {

    private static final String SERVER_OUTPUT = "managed.keycloak";

    private final Logger logger = Logger.getLogger(SERVER_OUTPUT);
    private final Level previousLevel = logger.getLevel();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    ServerLog() {
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    boolean contains(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
    }
}

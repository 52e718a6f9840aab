package tw.ecpa.keycloak.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The server log of the whole run, for {@link LogAndEventScanIT}: from before the first test class (so
 * before the framework starts the server) every line the distribution prints, as {@link ServerLog} hears
 * it for one test; and how many test classes have finished, so that the scan knows whether it scans a
 * run or only itself. Registered with the JUnit Platform launcher in META-INF/services.
 */
public final class RunServerLog implements TestExecutionListener {

    private static final Logger SERVER_OUTPUT = Logger.getLogger("managed.keycloak");
    private static final List<String> LINES = new ArrayList<>();
    private static final AtomicInteger FINISHED_CLASSES = new AtomicInteger();
    private static final Handler HANDLER = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (LINES) {
                LINES.add(String.valueOf(record.getMessage()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        HANDLER.setLevel(Level.ALL);
        SERVER_OUTPUT.setLevel(Level.ALL);
        SERVER_OUTPUT.addHandler(HANDLER);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.getSource().orElse(null) instanceof ClassSource) {
            FINISHED_CLASSES.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        SERVER_OUTPUT.removeHandler(HANDLER);
    }

    static List<String> lines() {
        synchronized (LINES) {
            return List.copyOf(LINES);
        }
    }

    /** Test classes (nested ones included) that have finished in this run so far. */
    static int finishedClasses() {
        return FINISHED_CLASSES.get();
    }
}

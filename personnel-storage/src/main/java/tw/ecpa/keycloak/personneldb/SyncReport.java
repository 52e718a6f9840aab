package tw.ecpa.keycloak.personneldb;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.storage.user.SynchronizationResult;

/**
 * The report of one sync: the counts Keycloak answers the admin console with ({@link SynchronizationResult}:
 * added, updated, failed) and one log line per row not imported, naming the row by its masked national ID and
 * the reason, so an operator can find and fix it in the personnel database.
 */
final class SyncReport {

    private static final Logger LOG = Logger.getLogger(SyncReport.class);

    private final String providerName;
    private final SynchronizationResult result = new SynchronizationResult();
    private final List<String> lines = new ArrayList<>();
    private int unchanged;

    SyncReport(String providerName) {
        this.providerName = providerName;
    }

    String providerName() {
        return providerName;
    }

    void added() {
        result.increaseAdded();
    }

    void updated() {
        result.increaseUpdated();
    }

    /**
     * A user of the realm's own (the realm import's) now linked to this provider: counted as updated, as Keycloak's
     * answer has no other count for it, and logged, so that an operator sees whom the sync took over.
     */
    void linked(PersonnelRow row) {
        result.increaseUpdated();
        LOG.infof("personnel database %s: row %s linked: the Keycloak user with this national ID is now imported from this database",
                providerName, row.maskedNationalId());
    }

    void unchanged() {
        unchanged++;
    }

    /** A row not imported: counted as failed and logged. */
    void skipped(PersonnelRow row, RowProblem problem, String detail) {
        result.increaseFailed();
        String line = line(row, problem, detail);
        lines.add(line);
        LOG.warn(line);
    }

    /** The report line for a row not imported; masked, never the row's personal data. */
    String line(PersonnelRow row, RowProblem problem, String detail) {
        return "personnel database " + providerName + ": row " + row.maskedNationalId() + " skipped: " + problem.reason()
                + (detail == null ? "" : " (" + detail + ")");
    }

    void finished(String kind) {
        LOG.infof("personnel database %s: %s sync finished: %d added, %d updated, %d unchanged, %d skipped",
                providerName, kind, result.getAdded(), result.getUpdated(), unchanged, result.getFailed());
    }

    /** The lines of the rows not imported, in the order they were read. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    int unchangedCount() {
        return unchanged;
    }

    SynchronizationResult result() {
        return result;
    }
}

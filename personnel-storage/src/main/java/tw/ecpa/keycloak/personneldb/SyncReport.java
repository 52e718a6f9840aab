package tw.ecpa.keycloak.personneldb;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.storage.user.SynchronizationResult;

/**
 * The report of one sync: the counts Keycloak answers the admin console with ({@link SynchronizationResult}:
 * added, updated, removed for the people disabled, failed) and one log line per row not imported, naming the
 * row by its masked national ID and the reason, so an operator can find and fix it in the personnel database;
 * and one line per person disabled, enabled again, departed or moved, with what that ended.
 */
final class SyncReport {

    private static final Logger LOG = Logger.getLogger(SyncReport.class);

    private final String providerName;
    private final SynchronizationResult result = new SynchronizationResult();
    private final List<String> lines = new ArrayList<>();
    private final List<String> personLines = new ArrayList<>();
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

    /** Someone a full sync disabled: no row holds their national ID any more. Counted as removed. */
    void disabled(String maskedNationalId) {
        result.increaseRemoved();
        person(maskedNationalId, "disabled: no longer in the personnel database; sessions ended");
    }

    /** What a departure, a move or a return ended or undid for someone already imported. */
    void changed(PersonnelRow row, Set<ImportedPersonnel.Change> changes, SyncConsequences.Ended ended) {
        String masked = row.maskedNationalId();
        if (changes.contains(ImportedPersonnel.Change.ENABLED_AGAIN)) {
            person(masked, "enabled again: back in the personnel database");
        }
        if (changes.contains(ImportedPersonnel.Change.DEPARTED)) {
            person(masked, "departed (卸職): sessions ended");
        }
        if (changes.contains(ImportedPersonnel.Change.MOVED)) {
            List<String> what = new ArrayList<>();
            if (ended.officerGrants()) {
                what.add("officer grants removed");
            }
            if (ended.sessions() && !changes.contains(ImportedPersonnel.Change.DEPARTED)) {
                what.add("sessions ended");
            }
            person(masked, "moved to another agency" + (what.isEmpty() ? "" : ": " + String.join(", ", what)));
        }
    }

    private void person(String maskedNationalId, String what) {
        String line = "personnel database " + providerName + ": person " + maskedNationalId + " " + what;
        personLines.add(line);
        LOG.info(line);
    }

    void finished(String kind) {
        LOG.infof("personnel database %s: %s sync finished: %d added, %d updated, %d unchanged, %d skipped, %d disabled",
                providerName, kind, result.getAdded(), result.getUpdated(), unchanged, result.getFailed(), result.getRemoved());
    }

    /** A full sync that read no row at all disables nobody: an empty table or view is a fault, not everyone gone. */
    void readNoRows() {
        LOG.warnf("personnel database %s: the full sync read no rows; nobody is disabled (an empty table or view is taken"
                + " for a fault)", providerName);
    }

    /** The lines of the people disabled, enabled again, departed or moved, in the order they happened. */
    List<String> personLines() {
        return List.copyOf(personLines);
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

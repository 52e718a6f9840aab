package tw.ecpa.keycloak.personneldb;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.keycloak.models.ModelException;
import org.keycloak.storage.user.SynchronizationResult;

import tw.ecpa.keycloak.core.NationalIdMask;

/**
 * One sync of the personnel database into the realm: full (every row) or changed (rows modified since the
 * last sync). Rows are read in the configured batch size and each batch is imported in one Keycloak
 * transaction; should a batch fail to commit (a constraint, say), its rows are imported again one per
 * transaction, so that one bad record costs only itself. A full sync that read every row then disables the
 * people no row holds any more ({@link RemovedPersonnel}).
 */
final class PersonnelSync {

    private static final Logger LOG = Logger.getLogger(PersonnelSync.class);
    private static final Pattern NATIONAL_ID_SHAPE = Pattern.compile("[A-Za-z][A-Da-d0-9][0-9]{8}");

    /** What a sync needs from Keycloak: the vault, and transactions on the realm. */
    interface Keycloak {

        /** The configured password with a vault expression ({@code ${vault.key}}) resolved. */
        String resolvePassword(String configured);

        /** Runs the work in one transaction of its own, committed when it returns; throws when the commit fails. */
        <T> T inTransaction(Function<RealmStore, T> work);
    }

    private final Keycloak keycloak;
    private final String providerId;
    private final PersonnelDatabaseSettings settings;
    private final Clock taiwanClock;
    private final RandomGenerator random;

    PersonnelSync(Keycloak keycloak, String providerId, PersonnelDatabaseSettings settings, Clock taiwanClock,
                  RandomGenerator random) {
        this.keycloak = keycloak;
        this.providerId = providerId;
        this.settings = settings;
        this.taiwanClock = taiwanClock;
        this.random = random;
    }

    /** Every row. */
    SynchronizationResult full(SyncReport report) {
        return run(report, Optional.empty());
    }

    /** The rows modified at or after {@code since}. */
    SynchronizationResult changedSince(Instant since, SyncReport report) {
        return run(report, Optional.of(since));
    }

    private SynchronizationResult run(SyncReport report, Optional<Instant> since) {
        String password = keycloak.resolvePassword(settings.password());
        // The national IDs of every row a full sync read: whoever is linked and not among them has been removed.
        Set<String> inDatabase = new HashSet<>();
        try (PersonnelDatabase database = PersonnelDatabase.connect(settings, password)) {
            Set<String> duplicates = database.duplicateNationalIds();
            LocalDate today = LocalDate.now(taiwanClock);
            List<PersonnelRow> batch = new ArrayList<>(settings.batchSize());
            Consumer<PersonnelRow> collect = row -> {
                if (since.isEmpty() && row.nationalId() != null && !row.nationalId().isBlank()) {
                    inDatabase.add(row.nationalId().trim());
                }
                batch.add(row);
                if (batch.size() == settings.batchSize()) {
                    importBatch(batch, duplicates, today, report);
                    batch.clear();
                }
            };
            if (since.isPresent()) {
                database.readChangedSince(since.get(), collect);
            } else {
                database.readAll(collect);
            }
            importBatch(batch, duplicates, today, report);
        } catch (SQLException e) {
            // The driver's message names the table, column or host, what an operator needs; never the password,
            // which a URL may not carry; a value it quotes that looks like a national ID is masked, and the driver's
            // exception is not kept as the cause, whose message Keycloak would log unmasked.
            String message = masked(e.getMessage());
            LOG.errorf("personnel database %s could not be read: %s", report.providerName(), message);
            throw new ModelException("The personnel database could not be read: " + message);
        }
        // Only here, after the whole table was read without a stop: a sync that failed part way threw above.
        if (since.isEmpty()) {
            if (inDatabase.isEmpty()) {
                report.readNoRows();
            } else {
                new RemovedPersonnel(keycloak, providerId, settings.batchSize()).disableAbsent(inDatabase, report);
            }
        }
        report.finished(since.isPresent() ? "changed" : "full");
        return report.result();
    }

    /** The message with every national-ID-shaped word masked, so that no driver message carries one into a log. */
    static String masked(String message) {
        return message == null ? null
                : NATIONAL_ID_SHAPE.matcher(message).replaceAll(match -> NationalIdMask.mask(match.group()));
    }

    private void importBatch(List<PersonnelRow> rows, Set<String> duplicates, LocalDate today, SyncReport report) {
        if (rows.isEmpty()) {
            return;
        }
        List<RowImport.Result> results;
        try {
            results = keycloak.inTransaction(store -> importAll(store, rows, duplicates, today));
        } catch (RuntimeException batchFailed) {
            LOG.warnf("personnel database %s: a batch of %d rows could not be saved (%s); importing them one by one",
                    report.providerName(), rows.size(), batchFailed.getClass().getSimpleName());
            results = new ArrayList<>(rows.size());
            for (PersonnelRow row : rows) {
                results.add(importAlone(row, duplicates, today));
            }
            if (rows.size() > 1 && results.stream().allMatch(result -> result.problem() == RowProblem.NOT_SAVED)) {
                // Not one row of the batch could be saved alone either: Keycloak's own database is gone (or the
                // server is shutting down), not a bad record. Going on would report every remaining row as skipped
                // and a full sync would then disable people on the strength of a sync that wrote nothing.
                LOG.errorf("personnel database %s: no row of a batch of %d could be saved (%s); the sync stops",
                        report.providerName(), rows.size(), batchFailed.getClass().getSimpleName());
                throw new ModelException("Keycloak could not save the personnel records; the sync stopped (" + batchFailed.getClass().getSimpleName() + ")");
            }
        }
        results.forEach(result -> count(result, report));
    }

    private RowImport.Result importAlone(PersonnelRow row, Set<String> duplicates, LocalDate today) {
        try {
            return keycloak.inTransaction(store -> importAll(store, List.of(row), duplicates, today)).get(0);
        } catch (RuntimeException e) {
            LOG.debugf(e, "personnel database: row %s could not be saved", row.maskedNationalId());
            return RowImport.Result.refused(row, RowProblem.NOT_SAVED, e.getClass().getSimpleName());
        }
    }

    private List<RowImport.Result> importAll(RealmStore store, List<PersonnelRow> rows, Set<String> duplicates, LocalDate today) {
        RowImport rowImport = new RowImport(store, providerId, duplicates, today, random, settings.linkExistingUsers());
        return rows.stream().map(rowImport::importRow).toList();
    }

    private static void count(RowImport.Result result, SyncReport report) {
        if (result.problem() != null) {
            report.skipped(result.row(), result.problem(), result.detail());
            return;
        }
        report.changed(result.row(), result.changes(), result.ended());
        switch (result.outcome()) {
            case ADDED -> report.added();
            case UPDATED -> report.updated();
            case LINKED -> report.linked(result.row());
            default -> report.unchanged();
        }
    }
}

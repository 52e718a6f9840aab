package tw.ecpa.keycloak.personneldb;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import org.keycloak.models.GroupModel;

/**
 * One row through the import inside a Keycloak transaction: checked ({@link RowCheck}), then written
 * ({@link ImportedPersonnel}), and what a departure or a move ends is ended ({@link SyncConsequences}); the
 * answer is what the report counts.
 */
final class RowImport {

    /**
     * What became of a row: an outcome of the write, or the problem that kept it out; for someone already
     * imported, the changes that end more than an attribute and what they ended.
     */
    record Result(PersonnelRow row, ImportedPersonnel.Outcome outcome, RowProblem problem, String detail,
                  Set<ImportedPersonnel.Change> changes, SyncConsequences.Ended ended) {

        static Result of(PersonnelRow row, ImportedPersonnel.Outcome outcome) {
            return of(row, outcome, Set.of(), SyncConsequences.Ended.NOTHING);
        }

        static Result of(PersonnelRow row, ImportedPersonnel.Outcome outcome, Set<ImportedPersonnel.Change> changes,
                         SyncConsequences.Ended ended) {
            return switch (outcome) {
                case NOT_LINKED -> new Result(row, outcome, RowProblem.NOT_LINKED, null, Set.of(), ended);
                case OTHER_PROVIDER -> new Result(row, outcome, RowProblem.OTHER_PROVIDER, null, Set.of(), ended);
                case SEVERAL_IN_KEYCLOAK -> new Result(row, outcome, RowProblem.SEVERAL_IN_KEYCLOAK, null, Set.of(), ended);
                default -> new Result(row, outcome, null, null, changes, ended);
            };
        }

        static Result refused(PersonnelRow row, RowProblem problem, String detail) {
            return new Result(row, null, problem, detail, Set.of(), SyncConsequences.Ended.NOTHING);
        }
    }

    private final RealmStore store;
    private final RowCheck check;
    private final ImportedPersonnel personnel;
    private final SyncConsequences consequences;

    RowImport(RealmStore store, String providerId, Set<String> duplicateNationalIds, LocalDate today, RandomGenerator random) {
        this(store, providerId, duplicateNationalIds, today, random, false);
    }

    /** @param linkExistingUsers the provider's setting: link a realm-import user with the same national ID */
    RowImport(RealmStore store, String providerId, Set<String> duplicateNationalIds, LocalDate today, RandomGenerator random,
              boolean linkExistingUsers) {
        this.store = store;
        // Once per agency and transaction, not twice a row: each look-up is a query by attribute, and every query
        // flushes the transaction's whole persistence context (benchmarks/RESULTS.md, "400,000 personnel records").
        Map<String, Optional<GroupModel>> agencies = new HashMap<>();
        Function<String, Optional<GroupModel>> agencyByCode = code -> agencies.computeIfAbsent(code, store.agencyByCode());
        this.check = new RowCheck(duplicateNationalIds, code -> agencyByCode.apply(code).isPresent(), today);
        this.personnel = new ImportedPersonnel(store.localUsers(), store.realm(), providerId, agencyByCode, random,
                linkExistingUsers);
        this.consequences = new SyncConsequences(store);
    }

    Result importRow(PersonnelRow row) {
        CheckedRow checked = check.check(row);
        if (checked.entry().isEmpty()) {
            return Result.refused(row, checked.problem(), checked.detail());
        }
        ImportedPersonnel.Written written = personnel.write(checked.entry().get());
        if (written.outcome() != ImportedPersonnel.Outcome.UPDATED && written.outcome() != ImportedPersonnel.Outcome.LINKED) {
            return Result.of(row, written.outcome());
        }
        SyncConsequences.Ended ended = consequences.apply(written.user(), written.changes());
        store.evictFromCache().accept(written.user());
        return Result.of(row, written.outcome(), written.changes(), ended);
    }
}

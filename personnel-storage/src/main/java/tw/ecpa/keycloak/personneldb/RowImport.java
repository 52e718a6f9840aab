package tw.ecpa.keycloak.personneldb;

import java.time.LocalDate;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * One row through the import inside a Keycloak transaction: checked ({@link RowCheck}), then written
 * ({@link ImportedPersonnel}); the answer is what the report counts.
 */
final class RowImport {

    /** What became of a row: an outcome of the write, or the problem that kept it out. */
    record Result(PersonnelRow row, ImportedPersonnel.Outcome outcome, RowProblem problem, String detail) {

        static Result of(PersonnelRow row, ImportedPersonnel.Outcome outcome) {
            return switch (outcome) {
                case NOT_LINKED -> new Result(row, outcome, RowProblem.NOT_LINKED, null);
                case OTHER_PROVIDER -> new Result(row, outcome, RowProblem.OTHER_PROVIDER, null);
                case SEVERAL_IN_KEYCLOAK -> new Result(row, outcome, RowProblem.SEVERAL_IN_KEYCLOAK, null);
                default -> new Result(row, outcome, null, null);
            };
        }

        static Result refused(PersonnelRow row, RowProblem problem, String detail) {
            return new Result(row, null, problem, detail);
        }
    }

    private final RealmStore store;
    private final RowCheck check;
    private final ImportedPersonnel personnel;

    RowImport(RealmStore store, String providerId, Set<String> duplicateNationalIds, LocalDate today, RandomGenerator random) {
        this(store, providerId, duplicateNationalIds, today, random, false);
    }

    /** @param linkExistingUsers the provider's setting: link a realm-import user with the same national ID */
    RowImport(RealmStore store, String providerId, Set<String> duplicateNationalIds, LocalDate today, RandomGenerator random,
              boolean linkExistingUsers) {
        this.store = store;
        this.check = new RowCheck(duplicateNationalIds, code -> store.agencyByCode().apply(code).isPresent(), today);
        this.personnel = new ImportedPersonnel(store.localUsers(), store.realm(), providerId, store.agencyByCode(), random,
                linkExistingUsers);
    }

    Result importRow(PersonnelRow row) {
        CheckedRow checked = check.check(row);
        if (checked.entry().isEmpty()) {
            return Result.refused(row, checked.problem(), checked.detail());
        }
        ImportedPersonnel.Written written = personnel.write(checked.entry().get());
        if (written.outcome() == ImportedPersonnel.Outcome.UPDATED || written.outcome() == ImportedPersonnel.Outcome.LINKED) {
            store.evictFromCache().accept(written.user());
        }
        return Result.of(row, written.outcome());
    }
}

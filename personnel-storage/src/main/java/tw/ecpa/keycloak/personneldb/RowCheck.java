package tw.ecpa.keycloak.personneldb;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.model.PersonnelAttributes;

/**
 * The checks a personnel-database row passes before it is imported, in the order a report names the first
 * failure: the national ID (valid, and in no other row), the name, the employment status, the birth date, the
 * agency. The database is the source of truth, so the checks do not repair: a row is imported as it is or
 * not at all.
 */
final class RowCheck {

    /** A status value echoed into a report line is cut to this; it is a code, never personal data. */
    private static final int LONGEST_STATUS_SHOWN = 20;

    private final Set<String> duplicateNationalIds;
    private final Predicate<String> agencyExists;
    private final LocalDate today;

    /**
     * @param duplicateNationalIds the (trimmed) national IDs more than one row holds
     * @param agencyExists         whether an agency group below /agencies has this code
     * @param today                the date in Taiwan, against which a birth date is "in the future"
     */
    RowCheck(Set<String> duplicateNationalIds, Predicate<String> agencyExists, LocalDate today) {
        this.duplicateNationalIds = duplicateNationalIds;
        this.agencyExists = agencyExists;
        this.today = today;
    }

    CheckedRow check(PersonnelRow row) {
        String id = trimmed(row.nationalId());
        Optional<NationalId.Problem> idProblem = NationalId.problem(id);
        if (idProblem.isPresent()) {
            return CheckedRow.refused(row, RowProblem.INVALID_NATIONAL_ID, idProblem.get().name());
        }
        if (duplicateNationalIds.contains(id)) {
            return CheckedRow.refused(row, RowProblem.DUPLICATE_NATIONAL_ID, null);
        }
        String lastName = trimmed(row.lastName());
        String firstName = trimmed(row.firstName());
        if (lastName.isEmpty() || firstName.isEmpty()) {
            return CheckedRow.refused(row, RowProblem.EMPTY_NAME, lastName.isEmpty() ? "last_name" : "first_name");
        }
        String status = trimmed(row.employmentStatus());
        if (!PersonnelAttributes.SERVING.equals(status) && !PersonnelAttributes.DEPARTED.equals(status)) {
            return CheckedRow.refused(row, RowProblem.BAD_EMPLOYMENT_STATUS, shown(status));
        }
        if (row.birthDate() == null) {
            return CheckedRow.refused(row, RowProblem.MISSING_BIRTH_DATE, null);
        }
        if (row.birthDate().isAfter(today)) {
            return CheckedRow.refused(row, RowProblem.FUTURE_BIRTH_DATE, null);
        }
        String agencyCode = trimmed(row.agencyCode());
        if (agencyCode.isEmpty() || !agencyExists.test(agencyCode)) {
            return CheckedRow.refused(row, RowProblem.UNKNOWN_AGENCY, shown(agencyCode));
        }
        String email = trimmed(row.email()).toLowerCase(Locale.ROOT);
        return CheckedRow.valid(row, new PersonnelEntry(NationalId.of(id), lastName, firstName, row.birthDate(),
                email.isEmpty() ? Optional.empty() : Optional.of(email), agencyCode, status));
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    /** A code as a report line may show it: quoted, cut short, control characters replaced, so a row cannot forge log lines. */
    private static String shown(String code) {
        String cut = code.length() > LONGEST_STATUS_SHOWN ? code.substring(0, LONGEST_STATUS_SHOWN) + "…" : code;
        StringBuilder out = new StringBuilder("'");
        cut.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return out.append('\'').toString();
    }
}

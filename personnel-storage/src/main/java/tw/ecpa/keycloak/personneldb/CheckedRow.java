package tw.ecpa.keycloak.personneldb;

import java.util.Optional;

/**
 * What {@link RowCheck} made of a row: the entry to import, or the problem and a detail that names no
 * personal data (an agency code, a status value, a national ID's {@code NationalId.Problem}).
 */
public record CheckedRow(PersonnelRow row, Optional<PersonnelEntry> entry, RowProblem problem, String detail) {

    static CheckedRow valid(PersonnelRow row, PersonnelEntry entry) {
        return new CheckedRow(row, Optional.of(entry), null, null);
    }

    static CheckedRow refused(PersonnelRow row, RowProblem problem, String detail) {
        return new CheckedRow(row, Optional.empty(), problem, detail);
    }

    public boolean isValid() {
        return entry.isPresent();
    }
}

package tw.ecpa.keycloak.personneldb;

import java.time.LocalDate;

import tw.ecpa.keycloak.core.NationalIdMask;

/**
 * One row of the personnel database as read, nothing checked yet ({@link RowCheck} does): any field may be
 * null or wrong. Personal data: only {@link #maskedNationalId()} may go into a log line.
 */
public record PersonnelRow(String nationalId, String lastName, String firstName, LocalDate birthDate, String email,
                           String agencyCode, String employmentStatus) {

    /** The national ID as a report line names the row: {@code A1*****789}, or {@code (none)}. */
    public String maskedNationalId() {
        String trimmed = nationalId == null ? "" : nationalId.trim();
        return trimmed.isEmpty() ? "(none)" : NationalIdMask.mask(trimmed);
    }

    /** Masked, like everything about a row that may reach a log. */
    @Override
    public String toString() {
        return "PersonnelRow[" + maskedNationalId() + "]";
    }
}

package tw.ecpa.keycloak.personneldb;

import java.time.LocalDate;
import java.util.Optional;

import tw.ecpa.keycloak.core.NationalId;

/**
 * A row that passed {@link RowCheck}: what the import writes into the person's Keycloak record. The employment
 * status is one of the model's words; the e-mail is empty when the database has none.
 */
public record PersonnelEntry(NationalId nationalId, String lastName, String firstName, LocalDate birthDate,
                             Optional<String> email, String agencyCode, String employmentStatus) {

    @Override
    public String toString() {
        return "PersonnelEntry[" + nationalId.masked() + "]";
    }
}

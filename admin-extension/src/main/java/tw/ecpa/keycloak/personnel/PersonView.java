package tw.ecpa.keycloak.personnel;

import java.util.Locale;

import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.NationalIdMask;

/** A personnel record as the console shows it: the national ID masked, as in the guide's lists. */
public record PersonView(String maskedNationalId, String name, String agencyCode, String agencyName,
                  String employmentStatus, String email) {

    static PersonView of(UserModel person, Agencies agencies, Locale locale) {
        String agencyCode = person.getFirstAttribute(Caller.AGENCY_CODE);
        return new PersonView(
                NationalIdMask.mask(person.getFirstAttribute(PersonnelDirectory.NATIONAL_ID)),
                PersonName.of(person),
                agencyCode,
                agencies.nameOf(agencyCode, locale),
                person.getFirstAttribute(PersonnelDirectory.EMPLOYMENT_STATUS),
                person.getEmail());
    }
}

package tw.ecpa.keycloak.personnel;

import java.util.Locale;

import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.NationalIdMask;

/**
 * A personnel record as the console shows it: the national ID masked, as in the guide's lists; whether a
 * citizen card is bound (so an officer can tell a caller "log in with your card"), never which card.
 */
public record PersonView(String maskedNationalId, String name, String agencyCode, String agencyName,
                  String employmentStatus, String email, boolean hasBoundCertificate) {

    /** The credential type of bound cards (the authenticators module's credential provider {@code ecpa-certificate}). */
    static final String BOUND_CERTIFICATE_TYPE = "ecpa-certificate";

    static PersonView of(UserModel person, Agencies agencies, Locale locale) {
        String agencyCode = person.getFirstAttribute(Caller.AGENCY_CODE);
        return new PersonView(
                NationalIdMask.mask(person.getFirstAttribute(PersonnelDirectory.NATIONAL_ID)),
                PersonName.of(person),
                agencyCode,
                agencies.nameOf(agencyCode, locale),
                person.getFirstAttribute(PersonnelDirectory.EMPLOYMENT_STATUS),
                person.getEmail(),
                person.credentialManager().getStoredCredentialsByTypeStream(BOUND_CERTIFICATE_TYPE).findAny().isPresent());
    }
}

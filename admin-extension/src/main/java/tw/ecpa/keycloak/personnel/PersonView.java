package tw.ecpa.keycloak.personnel;

import java.util.Locale;

import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.NationalIdMask;
import tw.ecpa.keycloak.model.Agencies;
import tw.ecpa.keycloak.model.BoundCertificateCredential;
import tw.ecpa.keycloak.model.PersonName;
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * A personnel record as the console shows it: the national ID masked, as in the guide's lists; whether a
 * citizen card is bound (so an officer can tell a caller "log in with your card"), never which card.
 */
public record PersonView(String maskedNationalId, String name, String agencyCode, String agencyName,
                  String employmentStatus, String email, boolean hasBoundCertificate) {

    static PersonView of(UserModel person, Agencies agencies, Locale locale) {
        PersonnelRecord record = PersonnelRecord.of(person);
        String agencyCode = record.agencyCode().orElse(null);
        return new PersonView(
                NationalIdMask.mask(record.nationalIdOnRecord()),
                PersonName.shown(person),
                agencyCode,
                agencies.nameOf(agencyCode, locale),
                record.employmentStatus(),
                person.getEmail(),
                person.credentialManager().getStoredCredentialsByTypeStream(BoundCertificateCredential.TYPE).findAny().isPresent());
    }
}

package tw.ecpa.keycloak.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.NationalId;

/** The personnel-record facts of a user ({@link PersonnelAttributes}), typed. */
public final class PersonnelRecord {

    private final UserModel user;

    private PersonnelRecord(UserModel user) {
        this.user = user;
    }

    public static PersonnelRecord of(UserModel user) {
        return new PersonnelRecord(user);
    }

    /** The national ID on record, if it is a valid one. */
    public Optional<NationalId> nationalId() {
        return NationalId.parse(user.getFirstAttribute(PersonnelAttributes.NATIONAL_ID));
    }

    /** The national ID as stored, valid or not, for masking ({@code NationalIdMask}); null when there is none. */
    public String nationalIdOnRecord() {
        return user.getFirstAttribute(PersonnelAttributes.NATIONAL_ID);
    }

    /** The code of the person's agency; empty when the record names none. */
    public Optional<String> agencyCode() {
        return Optional.ofNullable(user.getFirstAttribute(PersonnelAttributes.AGENCY_CODE)).filter(code -> !code.isBlank());
    }

    /** Only an agency-certificate account's agency is ever written by a provider: personnel data come from the import. */
    public void setAgencyCode(String code) {
        if (!code.equals(user.getFirstAttribute(PersonnelAttributes.AGENCY_CODE))) {
            user.setSingleAttribute(PersonnelAttributes.AGENCY_CODE, code);
        }
    }

    /** {@value PersonnelAttributes#SERVING}, {@value PersonnelAttributes#DEPARTED}, or whatever the import wrote; null when absent. */
    public String employmentStatus() {
        return user.getFirstAttribute(PersonnelAttributes.EMPLOYMENT_STATUS);
    }

    /** 卸職: a person who has left service cannot log in, bind a card, ask for a password, or be reset. */
    public boolean departed() {
        return PersonnelAttributes.DEPARTED.equals(employmentStatus());
    }

    /** The birthday on record; empty when there is none or it is no ISO date. */
    public Optional<LocalDate> birthDate() {
        String value = user.getFirstAttribute(PersonnelAttributes.BIRTH_DATE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

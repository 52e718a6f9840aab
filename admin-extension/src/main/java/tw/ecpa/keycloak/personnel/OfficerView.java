package tw.ecpa.keycloak.personnel;

import java.util.List;
import java.util.Locale;

import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.NationalIdMask;
import tw.ecpa.keycloak.model.Agencies;
import tw.ecpa.keycloak.model.PersonName;
import tw.ecpa.keycloak.model.PersonnelRecord;

/** An officer as the chief's 【權限與兼辦管理】 lists them: what they may do, and where. */
public record OfficerView(String id, String name, String maskedNationalId, String agencyCode, String agencyName,
                          boolean resetGranted, List<String> concurrentAgencies) {

    /** {@code grantsApply}: whether the grants still hold ({@link OfficerGrants#apply}); lapsed grants show as none. */
    static OfficerView of(UserModel officer, Agencies agencies, Locale locale, boolean grantsApply) {
        PersonnelRecord record = PersonnelRecord.of(officer);
        String agencyCode = record.agencyCode().orElse(null);
        return new OfficerView(officer.getId(), PersonName.shown(officer),
                NationalIdMask.mask(record.nationalIdOnRecord()),
                agencyCode, agencies.nameOf(agencyCode, locale),
                grantsApply && OfficerGrants.resetGranted(officer), grantsApply ? OfficerGrants.concurrentAgencies(officer) : List.of());
    }
}

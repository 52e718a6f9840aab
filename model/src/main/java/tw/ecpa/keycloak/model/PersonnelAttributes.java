package tw.ecpa.keycloak.model;

/**
 * The user-profile attributes of a personnel record, which only administrators and the personnel import
 * may change. Plain constants with no Keycloak type, so that the dev launcher's demo data and the tests,
 * which build the admin REST API's JSON, can name them too. Read them through {@link PersonnelRecord}.
 */
public final class PersonnelAttributes {

    /** The national ID (身分證統一編號), upper case: what people are found by. */
    public static final String NATIONAL_ID = "nationalId";
    /** The code of the agency the person serves in (an agency group's {@link AgencyAttributes#CODE}). */
    public static final String AGENCY_CODE = "agencyCode";
    /** 現職 or 卸職: {@value #SERVING} or {@value #DEPARTED}. */
    public static final String EMPLOYMENT_STATUS = "employmentStatus";
    /** ISO date (1980-05-17): the birthday the first login after an officer's reset asks for. */
    public static final String BIRTH_DATE = "birthDate";

    /** {@value #EMPLOYMENT_STATUS} of someone in service (現職). */
    public static final String SERVING = "serving";
    /** {@value #EMPLOYMENT_STATUS} of someone who has left service (卸職): they can no longer log in. */
    public static final String DEPARTED = "departed";

    private PersonnelAttributes() {
    }
}

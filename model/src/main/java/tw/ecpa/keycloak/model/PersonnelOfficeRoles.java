package tw.ecpa.keycloak.model;

/**
 * The realm roles of the personnel office: the personnel officer (人事人員), the personnel chief (人事主管)
 * and the help desk. The personnel API decides by them who may do what; the personnel database's sync asks
 * whether someone who moved agency holds one (docs/personnel-database.md).
 */
public final class PersonnelOfficeRoles {

    public static final String OFFICER = "personnel-officer";
    public static final String CHIEF = "personnel-chief";
    public static final String HELP_DESK = "help-desk";

    private PersonnelOfficeRoles() {
    }
}

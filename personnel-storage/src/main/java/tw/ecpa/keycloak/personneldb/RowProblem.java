package tw.ecpa.keycloak.personneldb;

/**
 * Why a row of the personnel database was not imported: the reason a sync report line gives for it. None of
 * them stops the sync; the other rows import.
 */
public enum RowProblem {

    INVALID_NATIONAL_ID("invalid national ID"),
    DUPLICATE_NATIONAL_ID("the national ID is in more than one row"),
    EMPTY_NAME("empty name"),
    BAD_EMPLOYMENT_STATUS("employment status is neither serving nor departed"),
    MISSING_BIRTH_DATE("no birth date"),
    FUTURE_BIRTH_DATE("birth date in the future"),
    UNKNOWN_AGENCY("unknown agency code"),
    /** Someone with this national ID is in Keycloak, linked to no provider (a realm import), and linking is off. */
    NOT_LINKED("a Keycloak user with this national ID exists but was not imported from this database"),
    /** Someone with this national ID belongs to another user federation provider: never taken over, linking or not. */
    OTHER_PROVIDER("a Keycloak user with this national ID belongs to another user federation provider"),
    /** More than one Keycloak user holds this national ID: a data error no sync may guess through. */
    SEVERAL_IN_KEYCLOAK("several Keycloak users hold this national ID"),
    /** Keycloak refused to save the record (a database constraint, say); the log has the cause. */
    NOT_SAVED("Keycloak could not save the record");

    private final String reason;

    RowProblem(String reason) {
        this.reason = reason;
    }

    /** The reason as a report line gives it, in English for the operators' logs. */
    public String reason() {
        return reason;
    }
}

package tw.ecpa.keycloak.personneldb;

import java.util.List;

/**
 * The column contract of the personnel database (docs/personnel-database.md): the columns every table or
 * view the provider reads must have, whatever the ministry's own schema calls them. An operator meets it
 * with a SQL view; the provider only ever reads.
 */
public final class PersonnelColumns {

    /** 身分證統一編號, 10 characters, upper case: what a person is found by in Keycloak. */
    public static final String NATIONAL_ID = "national_id";
    public static final String LAST_NAME = "last_name";
    public static final String FIRST_NAME = "first_name";
    /** DATE. */
    public static final String BIRTH_DATE = "birth_date";
    /** May be null: Keycloak owns the e-mail once the person has one (docs/personnel-database.md). */
    public static final String EMAIL = "email";
    /** The code of an agency group below /agencies. */
    public static final String AGENCY_CODE = "agency_code";
    /** 現職 or 卸職, in the model's words: {@code serving} or {@code departed}. */
    public static final String EMPLOYMENT_STATUS = "employment_status";
    /** TIMESTAMP WITH TIME ZONE: when the row last changed, what the changed-since sync asks by. */
    public static final String LAST_MODIFIED = "last_modified";

    public static final List<String> ALL = List.of(
            NATIONAL_ID, LAST_NAME, FIRST_NAME, BIRTH_DATE, EMAIL, AGENCY_CODE, EMPLOYMENT_STATUS, LAST_MODIFIED);

    private PersonnelColumns() {
    }

    /** Every row, in national-ID order, so that a sync report lists rows the same way every time. */
    static String selectAll(String table) {
        return "SELECT " + String.join(", ", ALL) + " FROM " + table + " ORDER BY " + NATIONAL_ID;
    }

    /**
     * The rows changed at or after an instant. At, not only after: Keycloak records a sync's start to the
     * second, and a row changed within that second may or may not have been read; importing it twice
     * changes nothing.
     */
    static String selectChangedSince(String table) {
        return "SELECT " + String.join(", ", ALL) + " FROM " + table + " WHERE " + LAST_MODIFIED + " >= ? ORDER BY "
                + NATIONAL_ID;
    }

    /**
     * The rows of one national ID, what a login's look-up reads. The parameter is cast to {@code CHAR(10)}: compared
     * with a {@code CHAR(10)} column as it is, PostgreSQL would cast the column to text instead, and its index
     * (the sample's {@code staff_id_no}) would not serve the look-up.
     */
    static String selectByNationalId(String table) {
        return "SELECT " + String.join(", ", ALL) + " FROM " + table + " WHERE " + NATIONAL_ID + " = CAST(? AS CHAR(10))";
    }

    /**
     * The national IDs held by more than one row, over the whole table even for a changed-since sync: a
     * changed row whose ID another, unchanged row holds is as ambiguous as two changed ones.
     */
    static String selectDuplicateNationalIds(String table) {
        return "SELECT TRIM(" + NATIONAL_ID + ") FROM " + table + " WHERE " + NATIONAL_ID + " IS NOT NULL GROUP BY TRIM("
                + NATIONAL_ID + ") HAVING COUNT(*) > 1";
    }
}

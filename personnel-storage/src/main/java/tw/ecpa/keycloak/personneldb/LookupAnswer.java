package tw.ecpa.keycloak.personneldb;

import java.util.List;

/**
 * What the personnel database said about one national ID when a login loaded the person: the rows it holds
 * (none: no longer on record), or that it could not be reached, with the driver's message masked.
 */
record LookupAnswer(Kind kind, List<PersonnelRow> rows, String problem) {

    enum Kind { ON_RECORD, NOT_ON_RECORD, UNREACHABLE }

    static LookupAnswer of(List<PersonnelRow> rows) {
        return rows.isEmpty() ? new LookupAnswer(Kind.NOT_ON_RECORD, List.of(), null)
                : new LookupAnswer(Kind.ON_RECORD, List.copyOf(rows), null);
    }

    static LookupAnswer unreachable(String maskedProblem) {
        return new LookupAnswer(Kind.UNREACHABLE, List.of(), maskedProblem);
    }
}

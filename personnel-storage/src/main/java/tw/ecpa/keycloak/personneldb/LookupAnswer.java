package tw.ecpa.keycloak.personneldb;

import java.util.List;

/**
 * What the personnel database said about one national ID when a login loaded the person: the rows it holds
 * (none: no longer on record), or that it could not be reached, with the driver's message masked. Fresh: read
 * just now, not a kept answer of the last seconds ({@link RecentAnswers}), which a sync may have overtaken since.
 */
record LookupAnswer(Kind kind, List<PersonnelRow> rows, String problem, boolean fresh) {

    enum Kind { ON_RECORD, NOT_ON_RECORD, UNREACHABLE }

    static LookupAnswer of(List<PersonnelRow> rows) {
        return rows.isEmpty() ? new LookupAnswer(Kind.NOT_ON_RECORD, List.of(), null, true)
                : new LookupAnswer(Kind.ON_RECORD, List.copyOf(rows), null, true);
    }

    static LookupAnswer unreachable(String maskedProblem) {
        return new LookupAnswer(Kind.UNREACHABLE, List.of(), maskedProblem, true);
    }

    /** The same answer, kept. */
    LookupAnswer kept() {
        return new LookupAnswer(kind, rows, problem, false);
    }
}

package tw.ecpa.keycloak.personnel;

/**
 * Every way a personnel request can fail, each with its HTTP status, a stable code for programs and a
 * message key for people (zh-Hant and en in the ecpa theme). Someone out of scope and someone who does
 * not exist share one answer, so that the API never tells whether a national ID is on file.
 */
enum PersonnelProblem {

    INVALID_REQUEST(400, "invalid-request", "ecpa.personnel.error.invalidRequest"),
    /** A body that is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "ecpa.personnel.error.unsupportedMediaType"),
    BAD_NATIONAL_ID(400, "bad-national-id", "ecpa.personnel.error.badNationalId"),
    EMAIL_MISSING(400, "email-missing", "ecpa.personnel.error.emailMissing"),
    EMAIL_INVALID(400, "email-invalid", "ecpa.personnel.error.emailInvalid"),
    REASON_MISSING(400, "reason-missing", "ecpa.personnel.error.reasonMissing"),
    UNKNOWN_AGENCY(400, "unknown-agency", "ecpa.personnel.error.unknownAgency"),
    NOT_AUTHORISED(403, "not-authorised", "ecpa.personnel.error.notAuthorised"),
    /** A token of another client than the personnel console. */
    CONSOLE_TOKEN_REQUIRED(403, "console-token-required", "ecpa.personnel.error.consoleTokenRequired"),
    /** The caller's way of resetting demands a certificate login (setting {@code certificate-level-for}). */
    CERTIFICATE_LEVEL_REQUIRED(403, "certificate-level-required", "ecpa.personnel.error.certificateLevelRequired"),
    NOT_A_CHIEF(403, "not-a-chief", "ecpa.personnel.error.notAChief"),
    PERSON_NOT_REACHABLE(403, "person-not-reachable", "ecpa.personnel.error.personNotReachable"),
    OWN_ACCOUNT(403, "own-account", "ecpa.personnel.error.ownAccount"),
    AGENCY_OUTSIDE_CHIEF_SCOPE(403, "agency-outside-scope", "ecpa.personnel.error.agencyOutsideScope"),
    RESET_NOT_FOUND(404, "reset-not-found", "ecpa.personnel.error.resetNotFound"),
    PERSON_DEPARTED(409, "person-departed", "ecpa.personnel.error.personDeparted"),
    RATE_LIMITED(429, "rate-limited", "ecpa.personnel.error.rateLimited"),
    LOOKUPS_RATE_LIMITED(429, "lookups-rate-limited", "ecpa.personnel.error.lookupsRateLimited"),
    MAIL_FAILED(502, "mail-failed", "ecpa.personnel.error.mailFailed"),
    /** Keycloak's database could not be read or written (an outage): nothing was changed, try again shortly. */
    UNAVAILABLE(503, "unavailable", "ecpa.personnel.error.unavailable");

    private final int status;
    private final String code;
    private final String messageKey;

    PersonnelProblem(int status, String code, String messageKey) {
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String messageKey() {
        return messageKey;
    }

    PersonnelException exception() {
        return new PersonnelException(this);
    }
}

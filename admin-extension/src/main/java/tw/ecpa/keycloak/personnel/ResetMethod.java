package tw.ecpa.keycloak.personnel;

/** How the caller may reset passwords, as the guide's three ways name them; recorded in every event. */
enum ResetMethod {

    /** The personnel chief or an officer the chief authorised: own agency plus concurrent agencies. */
    OFFICER("officer"),
    /** Whoever logged in with the agency certificate (機關憑證): that agency only. */
    AGENCY_CERTIFICATE("agency-certificate"),
    /** Customer service (客服): the whole realm, with a reason such as a ticket number. */
    HELP_DESK("help-desk");

    private final String code;

    ResetMethod(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}

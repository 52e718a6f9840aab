package tw.ecpa.keycloak.core.certificate;

/**
 * The two IC cards the guide names: the citizen digital certificate (自然人憑證, MOICA) and the agency
 * certificate (機關憑證, GCA). They differ in what the subject says and where a locked card is unblocked.
 */
public enum CardKind {
    CITIZEN,
    AGENCY
}

package tw.ecpa.keycloak.dev.pki;

/** Who holds a card: a citizen (自然人憑證, MOICA) or an agency (機關憑證, GCA). */
public enum CardKind {
    CITIZEN,
    AGENCY
}

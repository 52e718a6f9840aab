package tw.ecpa.keycloak.holder;

/** The answer to "is this national ID the card holder's?". Anything but MATCH binds nothing. */
public enum HolderCheck {
    MATCH,
    /** The certificate belongs to someone else. */
    MISMATCH,
    /** The authority does not know the certificate as a citizen's (unknown serial, other issuer, agency card). */
    UNKNOWN_CERTIFICATE,
    /** No trustworthy answer: the service is down, slow, or answered something else. */
    UNAVAILABLE
}

package tw.ecpa.keycloak.dev.holder;

/** The answer of the holder check. */
public enum HolderCheckResult {
    /** The certificate is known and the national ID is its holder's. */
    MATCH,
    /** The certificate is known and belongs to someone else. */
    MISMATCH,
    /**
     * The certificate authority never issued this certificate to a citizen: an unknown serial, a CA the
     * service does not speak for (the untrusted MOICA look-alike) or an agency certificate, which has no
     * national ID to compare.
     */
    UNKNOWN_CERTIFICATE
}

package tw.ecpa.keycloak.authenticators.certificate;

/** One revocation source's answer about one certificate. UNAVAILABLE covers both "no answer" and "an answer we cannot trust". */
enum RevocationStatus {
    GOOD,
    REVOKED,
    UNAVAILABLE
}

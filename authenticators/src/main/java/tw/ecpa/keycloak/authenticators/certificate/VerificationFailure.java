package tw.ecpa.keycloak.authenticators.certificate;

/**
 * Each way the server-side check of a card's answer can fail, in the order of the checks
 * ({@link CardAnswerVerifier}). Every failure has its own event error and its own message: the guide's
 * "certificate invalid" sentence says the card is invalid, and ours also says why.
 */
public enum VerificationFailure {

    ANSWER_MALFORMED("ecpa_card_answer_malformed", "ecpa.certificate.answerMalformed"),
    NONCE_REUSED("ecpa_nonce_reused", "ecpa.certificate.nonceReused"),
    NONCE_EXPIRED("ecpa_nonce_expired", "ecpa.certificate.nonceExpired"),
    /** Signed over a nonce this login never issued: another session's, or none at all. */
    NONCE_FOREIGN("ecpa_nonce_foreign", "ecpa.certificate.nonceForeign"),
    SIGNATURE_INVALID("ecpa_signature_invalid", "ecpa.certificate.signatureInvalid"),
    UNTRUSTED_ISSUER("ecpa_certificate_untrusted", "ecpa.certificate.untrusted"),
    EXPIRED("ecpa_certificate_expired", "ecpa.certificate.expired"),
    NOT_YET_VALID("ecpa_certificate_not_yet_valid", "ecpa.certificate.notYetValid"),
    WRONG_KEY_USAGE("ecpa_certificate_key_usage", "ecpa.certificate.keyUsage"),
    NOT_A_CARD_PROFILE("ecpa_certificate_profile", "ecpa.certificate.profile"),
    WRONG_POLICY("ecpa_certificate_policy", "ecpa.certificate.policy"),
    REVOKED("ecpa_certificate_revoked", "ecpa.certificate.revoked"),
    /** A CA of the card's path (its issuing CA) is revoked by the CA above it. */
    ISSUER_REVOKED("ecpa_certificate_issuer_revoked", "ecpa.certificate.issuerRevoked"),
    REVOCATION_UNAVAILABLE("ecpa_revocation_unavailable", "ecpa.certificate.revocationUnavailable");

    private final String eventError;
    private final String messageKey;

    VerificationFailure(String eventError, String messageKey) {
        this.eventError = eventError;
        this.messageKey = messageKey;
    }

    public String eventError() {
        return eventError;
    }

    public String messageKey() {
        return messageKey;
    }
}

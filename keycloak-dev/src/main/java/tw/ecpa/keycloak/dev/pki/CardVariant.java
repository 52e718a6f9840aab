package tw.ecpa.keycloak.dev.pki;

import java.util.Locale;

/**
 * What is wrong, on purpose, with a card's certificate. Every demo person's own card is {@link #VALID};
 * the other variants are extra cards of the first demo card holder, one per failure the server must
 * catch.
 */
public enum CardVariant {
    VALID("valid"),
    EXPIRED("expired the day before the PKI was made"),
    EXPIRING_SOON("valid, expires 20 days after the PKI was made (the 30-day renewal notice)"),
    NOT_YET_VALID("valid from a year after the PKI was made"),
    REVOKED("revoked (keyCompromise) from the start"),
    UNTRUSTED_ISSUER("issued by an untrusted CA that copies MOICA's DN"),
    WRONG_KEY_USAGE("keyEncipherment only, no digitalSignature"),
    WRONG_POLICY("policy " + TestPkiOids.UNRECOGNISED_TEST_POLICY),
    ISSUER_REVOKED("issued by a trusted MOICA whose own certificate the root has revoked");

    private final String description;

    CardVariant(String description) {
        this.description = description;
    }

    /** {@code not-yet-valid}: the variant in card ids and in the control API. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }
}

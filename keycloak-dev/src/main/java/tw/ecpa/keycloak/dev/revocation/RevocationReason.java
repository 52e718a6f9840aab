package tw.ecpa.keycloak.dev.revocation;

import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.asn1.x509.CRLReason;

/** The RFC 5280 reasons a test may give; the name is how the control API spells them. */
public enum RevocationReason {
    UNSPECIFIED(CRLReason.unspecified, "unspecified"),
    KEY_COMPROMISE(CRLReason.keyCompromise, "keyCompromise"),
    CA_COMPROMISE(CRLReason.cACompromise, "cACompromise"),
    AFFILIATION_CHANGED(CRLReason.affiliationChanged, "affiliationChanged"),
    SUPERSEDED(CRLReason.superseded, "superseded"),
    CESSATION_OF_OPERATION(CRLReason.cessationOfOperation, "cessationOfOperation"),
    CERTIFICATE_HOLD(CRLReason.certificateHold, "certificateHold");

    private final int code;
    private final String rfcName;

    RevocationReason(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    /** The CRLReason code that goes into CRL entries and OCSP answers. */
    public int code() {
        return code;
    }

    public String rfcName() {
        return rfcName;
    }

    public static Optional<RevocationReason> byRfcName(String name) {
        return Arrays.stream(values()).filter(reason -> reason.rfcName.equals(name)).findFirst();
    }
}

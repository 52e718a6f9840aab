package tw.ecpa.keycloak.authenticators.certificate;

import java.util.Locale;

/** Which revocation sources the check asks: the certificate's CRL distribution points, its OCSP responder, both, or none. */
public enum RevocationMode {
    CRL,
    OCSP,
    BOTH,
    NONE;

    static RevocationMode parse(String value, RevocationMode fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

    boolean asksCrl() {
        return this == CRL || this == BOTH;
    }

    boolean asksOcsp() {
        return this == OCSP || this == BOTH;
    }
}

package tw.ecpa.keycloak.dev.revocation;

import java.time.Instant;
import java.util.Objects;

/** What the revocation services say about one certificate. */
public record CertificateStatus(State state, Instant revokedAt, RevocationReason reason) {

    public enum State {
        GOOD,
        REVOKED,
        /** Not a certificate this CA issued. */
        UNKNOWN
    }

    public static final CertificateStatus GOOD = new CertificateStatus(State.GOOD, null, null);
    public static final CertificateStatus UNKNOWN = new CertificateStatus(State.UNKNOWN, null, null);

    public CertificateStatus {
        Objects.requireNonNull(state, "state");
        if ((state == State.REVOKED) != (revokedAt != null && reason != null)) {
            throw new IllegalArgumentException("a revoked status, and only that, has a time and a reason");
        }
    }

    public static CertificateStatus revoked(Instant revokedAt, RevocationReason reason) {
        return new CertificateStatus(State.REVOKED, revokedAt, reason);
    }
}

package tw.ecpa.keycloak.authenticators.binding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a binding remembers about the card certificate, visible to its owner and administrators in the
 * credential's data: who issued it, its serial, its subject and validity, when it was bound and when it
 * last logged in (null until its first certificate login). Times are epoch milliseconds. The subject is
 * the card holder's own name and card number, nothing else.
 */
public record BoundCertificateData(
        @JsonProperty("issuerDn") String issuerDn,
        @JsonProperty("serialNumber") String serialNumber,
        @JsonProperty("subjectDn") String subjectDn,
        @JsonProperty("notBefore") long notBefore,
        @JsonProperty("notAfter") long notAfter,
        @JsonProperty("boundAt") long boundAt,
        @JsonProperty("lastUsedAt") Long lastUsedAt) {

    @JsonCreator
    public BoundCertificateData {
    }

    public BoundCertificateData usedAt(long when) {
        return new BoundCertificateData(issuerDn, serialNumber, subjectDn, notBefore, notAfter, boundAt, when);
    }

    public boolean expiredAt(long when) {
        return when > notAfter;
    }
}

package tw.ecpa.keycloak.authenticators.binding;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a binding remembers about the card certificate, visible to its owner and administrators in the
 * credential's data: who issued it, its serial, its subject and validity, its SHA-256 ({@link
 * CardFingerprint}, the binding's key) and when it was bound. Times are epoch milliseconds. When the card
 * last logged in is kept in its binding row ({@link CardClaims}); {@code lastUsedAt} is what bindings of
 * earlier versions wrote here, shown until the card's next login writes the row. The subject is the card holder's own name and card
 * number, nothing else. Bindings made before the SHA-256 was kept have none until the card's next login
 * ({@link BoundCertificates}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BoundCertificateData(
        @JsonProperty("issuerDn") String issuerDn,
        @JsonProperty("serialNumber") String serialNumber,
        @JsonProperty("subjectDn") String subjectDn,
        @JsonProperty("notBefore") long notBefore,
        @JsonProperty("notAfter") long notAfter,
        @JsonProperty("boundAt") long boundAt,
        @JsonProperty("lastUsedAt") Long lastUsedAt,
        @JsonProperty("certificateSha256") String certificateSha256) {

    @JsonCreator
    public BoundCertificateData {
    }

    static BoundCertificateData of(X509Certificate certificate, long boundAt) {
        return new BoundCertificateData(
                certificate.getIssuerX500Principal().getName(),
                certificate.getSerialNumber().toString(16),
                certificate.getSubjectX500Principal().getName(),
                certificate.getNotBefore().getTime(),
                certificate.getNotAfter().getTime(),
                boundAt,
                null,
                CardFingerprint.of(certificate).value());
    }

    /** The last use the binding row {@code recorded}, or else the one this credential kept before the row did. */
    Optional<Instant> lastUsed(Optional<Instant> recorded) {
        return recorded.or(() -> Optional.ofNullable(lastUsedAt).map(Instant::ofEpochMilli));
    }

    BoundCertificateData withFingerprint(CardFingerprint card) {
        return new BoundCertificateData(issuerDn, serialNumber, subjectDn, notBefore, notAfter, boundAt, lastUsedAt, card.value());
    }

    public boolean expiredAt(long when) {
        return when > notAfter;
    }

    /**
     * Whether this binding is of {@code certificate}: by its SHA-256, or, for a binding made before the
     * SHA-256 was kept, by everything it kept of the certificate (issuer, serial, subject, validity), which
     * two distinct certificates of trusted CAs do not share.
     */
    boolean describes(X509Certificate certificate) {
        if (certificateSha256 != null) {
            return certificateSha256.equals(CardFingerprint.of(certificate).value());
        }
        return CertificateKey.of(issuerDn, serialNumber).equals(CertificateKey.of(certificate))
                && subjectDn != null
                && new X500Principal(subjectDn).equals(certificate.getSubjectX500Principal())
                && notBefore == certificate.getNotBefore().getTime()
                && notAfter == certificate.getNotAfter().getTime();
    }
}

package tw.ecpa.keycloak.dev.holder;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.dev.pki.IssuedCard;
import tw.ecpa.keycloak.dev.pki.TestPki;

/**
 * Which national ID each citizen certificate was issued to, as the certificate authority's own records
 * would say. Only CAs under the test root speak here, as only MOICA itself could answer for MOICA.
 */
final class HolderRegistry {

    private final Map<CertificateKey, NationalId> holders = new HashMap<>();

    HolderRegistry(TestPki pki) {
        for (IssuedCard card : pki.cards()) {
            if (card.issuer().role().trusted()) {
                card.card().nationalId().ifPresent(holder ->
                        holders.put(CertificateKey.of(card.issuer().subject(), card.serialNumber()), holder));
            }
        }
    }

    HolderCheckResult check(X500Principal issuer, BigInteger serialNumber, NationalId claimed) {
        NationalId holder = holders.get(CertificateKey.of(issuer, serialNumber));
        if (holder == null) {
            return HolderCheckResult.UNKNOWN_CERTIFICATE;
        }
        return holder.equals(claimed) ? HolderCheckResult.MATCH : HolderCheckResult.MISMATCH;
    }

    /** The canonical DN form, so that any RFC 2253 spelling of the issuer finds the certificate. */
    private record CertificateKey(String canonicalIssuer, BigInteger serialNumber) {

        static CertificateKey of(X500Principal issuer, BigInteger serialNumber) {
            return new CertificateKey(issuer.getName(X500Principal.CANONICAL), serialNumber);
        }
    }
}

package tw.ecpa.keycloak.authenticators.certificate;

import java.security.cert.X509Certificate;

/** Asks one kind of revocation source about a certificate (a card's, or a CA's), given the CA that issued it. */
interface RevocationSource {

    RevocationStatus status(X509Certificate certificate, X509Certificate issuer);

    /**
     * Whether the certificate names a source of this kind (a CRL distribution point, an OCSP responder).
     * A source that cannot tell says yes, and is asked.
     */
    default boolean names(X509Certificate certificate) {
        return true;
    }
}

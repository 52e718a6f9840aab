package tw.ecpa.keycloak.authenticators.certificate;

import java.security.cert.X509Certificate;

/** Asks one kind of revocation source about a card's certificate, given the CA that issued it. */
interface RevocationSource {

    RevocationStatus status(X509Certificate certificate, X509Certificate issuer);
}

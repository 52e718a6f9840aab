package tw.ecpa.keycloak.authenticators.certificate;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The revocation step: asks the sources the mode names, and any "revoked" wins. When a source gives no
 * answer the check fails closed unless the operator chose to fail open; the caller records which.
 *
 * <p>Not only the card: every CA of its path below the root is checked against its own issuer, top
 * down, since a revoked CA's CRL and OCSP answers about its cards prove nothing, and a card of a
 * revoked CA must not log in. A CA is asked with the mode's sources its certificate names or, when it
 * names none of them, with the other kind it names (a root's certificate of an issuing CA may name a
 * CRL only); a CA certificate naming no source at all cannot be checked.
 */
final class RevocationCheck {

    /** What the step found for a card's whole path. */
    enum PathStatus {
        GOOD,
        CARD_REVOKED,
        ISSUER_REVOKED,
        UNAVAILABLE
    }

    private final RevocationMode mode;
    private final RevocationSource crl;
    private final RevocationSource ocsp;

    RevocationCheck(RevocationMode mode, RevocationSource crl, RevocationSource ocsp) {
        this.mode = mode;
        this.crl = crl;
        this.ocsp = ocsp;
    }

    /**
     * @param path the card first, the root last (as {@link TrustAnchors#pathFor} builds it)
     * @param failOpen when false, a CA that cannot be checked ends the check: the login is refused
     *                 anyway, and asking the card's sources would only make it wait longer
     */
    PathStatus status(List<X509Certificate> path, boolean failOpen) {
        if (mode == RevocationMode.NONE) {
            return PathStatus.GOOD;
        }
        boolean unchecked = false;
        for (int i = path.size() - 2; i >= 1; i--) {
            RevocationStatus authority = authorityStatus(path.get(i), path.get(i + 1));
            if (authority == RevocationStatus.REVOKED) {
                return PathStatus.ISSUER_REVOKED;
            }
            if (authority == RevocationStatus.UNAVAILABLE) {
                if (!failOpen) {
                    return PathStatus.UNAVAILABLE;
                }
                unchecked = true;
            }
        }
        RevocationStatus card = status(path.get(0), path.get(1));
        if (card == RevocationStatus.REVOKED) {
            return PathStatus.CARD_REVOKED;
        }
        return card == RevocationStatus.UNAVAILABLE || unchecked ? PathStatus.UNAVAILABLE : PathStatus.GOOD;
    }

    /** A card's certificate: every source of the mode is asked, whether the certificate names it or not. */
    RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        List<RevocationSource> sources = new ArrayList<>();
        if (mode.asksCrl()) {
            sources.add(crl);
        }
        if (mode.asksOcsp()) {
            sources.add(ocsp);
        }
        return ask(sources, certificate, issuer);
    }

    private RevocationStatus authorityStatus(X509Certificate authority, X509Certificate issuer) {
        List<RevocationSource> named = new ArrayList<>();
        if (mode.asksCrl() && crl.names(authority)) {
            named.add(crl);
        }
        if (mode.asksOcsp() && ocsp.names(authority)) {
            named.add(ocsp);
        }
        if (named.isEmpty()) {
            for (RevocationSource other : List.of(crl, ocsp)) {
                if (other.names(authority)) {
                    named.add(other);
                }
            }
        }
        if (named.isEmpty()) {
            return RevocationStatus.UNAVAILABLE;
        }
        return ask(named, authority, issuer);
    }

    private static RevocationStatus ask(List<RevocationSource> sources, X509Certificate certificate, X509Certificate issuer) {
        RevocationStatus overall = RevocationStatus.GOOD;
        for (RevocationSource source : sources) {
            RevocationStatus status = source.status(certificate, issuer);
            if (status == RevocationStatus.REVOKED) {
                return status;
            }
            if (status == RevocationStatus.UNAVAILABLE) {
                overall = RevocationStatus.UNAVAILABLE;
            }
        }
        return overall;
    }
}

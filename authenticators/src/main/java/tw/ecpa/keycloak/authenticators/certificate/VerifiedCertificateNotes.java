package tw.ecpa.keycloak.authenticators.certificate;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

import org.keycloak.events.EventBuilder;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The card certificate the certificate step verified, handed to the binding step through the auth
 * session (any cluster node can go on). Only the certificate step writes it, and only after every check.
 * Also the event details every certificate login carries: method, issuer and serial, never the holder's ID.
 */
public final class VerifiedCertificateNotes {

    static final String CERTIFICATE_NOTE = "ecpa.certificate.verified";
    public static final String METHOD = "certificate";
    public static final String DETAIL_METHOD = "ecpa_login_method";
    public static final String DETAIL_ISSUER = "certificate_issuer";
    public static final String DETAIL_SERIAL = "certificate_serial";

    private VerifiedCertificateNotes() {
    }

    static void remember(AuthenticationSessionModel session, X509Certificate certificate) {
        try {
            session.setAuthNote(CERTIFICATE_NOTE, Base64.getEncoder().encodeToString(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Optional<X509Certificate> verified(AuthenticationSessionModel session) {
        String encoded = session.getAuthNote(CERTIFICATE_NOTE);
        if (encoded == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(encoded))));
        } catch (CertificateException e) {
            return Optional.empty();
        }
    }

    public static void forget(AuthenticationSessionModel session) {
        session.removeAuthNote(CERTIFICATE_NOTE);
    }

    public static EventBuilder describe(EventBuilder event, X509Certificate certificate) {
        return event.detail(DETAIL_METHOD, METHOD)
                .detail(DETAIL_ISSUER, certificate.getIssuerX500Principal().getName())
                .detail(DETAIL_SERIAL, certificate.getSerialNumber().toString(16));
    }
}

package tw.ecpa.keycloak.authenticators.certificate;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import tw.ecpa.keycloak.model.LoginMethod;

/**
 * The card certificate the certificate step verified, handed to the binding step through the auth
 * session (any cluster node can go on), and whom that card logged in. Only the certificate step writes
 * them, and only after every check of the attempt passed: a card whose holder is refused (locked,
 * disabled, departed) leaves nothing behind, and every new attempt on the home page forgets both, so a
 * card can only ever count for the person it logged in, in the attempt that logged them in.
 * Also the event details every certificate login carries: method, issuer and serial, never the holder's ID.
 */
public final class VerifiedCertificateNotes {

    static final String CERTIFICATE_NOTE = "ecpa.certificate.verified";
    /** The id of the user the verified card logged in; absent while a card bound to nobody awaits binding. */
    static final String LOGGED_IN_NOTE = "ecpa.certificate.loggedIn";
    public static final String DETAIL_METHOD = LoginMethod.EVENT_DETAIL;
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

    /** The card logged {@code user} in: from now on it counts for that person, and for nobody else. */
    public static void loggedIn(AuthenticationSessionModel session, X509Certificate certificate, UserModel user) {
        remember(session, certificate);
        session.setAuthNote(LOGGED_IN_NOTE, user.getId());
    }

    /** Whether a card of this authentication logged in exactly {@code user}. */
    public static boolean loggedIn(AuthenticationSessionModel session, UserModel user) {
        return user != null && user.getId().equals(session.getAuthNote(LOGGED_IN_NOTE)) && verified(session).isPresent();
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
        session.removeAuthNote(LOGGED_IN_NOTE);
    }

    public static EventBuilder describe(EventBuilder event, X509Certificate certificate) {
        return event.detail(DETAIL_METHOD, LoginMethod.CERTIFICATE.id())
                .detail(DETAIL_ISSUER, certificate.getIssuerX500Principal().getName())
                .detail(DETAIL_SERIAL, certificate.getSerialNumber().toString(16));
    }
}

package tw.ecpa.keycloak.personnel;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.model.Agencies;
import tw.ecpa.keycloak.model.MyArea;

/**
 * The guide's reset letter (密碼重設之信件), from the realm's e-mail theme in the person's language: who
 * asked (the officer and their agency), the new password, change it right after logging in, the
 * help-desk contact. Templates {@value #TEMPLATE} under html/ and text/.
 */
final class ResetLetter {

    static final String TEMPLATE = "ecpa-password-reset.ftl";
    static final String SUBJECT = "ecpa.mail.reset.subject";

    private final KeycloakSession session;
    private final RealmModel realm;

    ResetLetter(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Sends to the person's e-mail on file; throws when the mail server does not take the letter. */
    void send(UserModel person, Caller requester, GeneratedPassword password, Agencies agencies) throws EmailException {
        Locale locale = session.getContext().resolveLocale(person);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("requesterName", requester.displayName());
        // An agency-certificate login is the agency's account, whose name is the agency's own: the letter
        // then names "the agency certificate holder" instead of repeating the agency.
        attributes.put("requesterIsAgencyCertificate", requester.method().orElse(null) == ResetMethod.AGENCY_CERTIFICATE);
        attributes.put("requesterAgency", agencies.nameOf(requester.agencyCode(), locale));
        attributes.put("password", password.reveal());
        attributes.put("loginUrl", MyArea.url(session, realm));
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(person)
                .send(SUBJECT, List.of(), TEMPLATE, attributes);
    }
}

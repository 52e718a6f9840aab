package tw.ecpa.keycloak.authenticators.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.model.MyArea;

/**
 * What 忘記密碼 mails to someone who has not done their first login yet, instead of a reset link: a link
 * would be a first login without card, officer or birthday. The letter names the guide's three ways (作法一
 * 自然人憑證, 作法二 the agency's personnel officer, 作法三 the help desk) and holds no link that acts on the
 * account. Templates {@value #TEMPLATE} under html/ and text/ of the realm's e-mail theme.
 */
final class FirstLoginWaysLetter {

    static final String TEMPLATE = "ecpa-first-login-ways.ftl";
    static final String SUBJECT = "ecpa.mail.firstLogin.subject";

    private FirstLoginWaysLetter() {
    }

    /** Sends to the person's e-mail on record; throws when the mail server does not take the letter. */
    static void send(KeycloakSession session, RealmModel realm, UserModel person) throws EmailException {
        // Keycloak's template provider adds its own attributes (locale, realm, ...) to this map.
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("loginUrl", MyArea.url(session, realm));
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(person)
                .send(SUBJECT, List.of(), TEMPLATE, attributes);
    }
}

package tw.ecpa.keycloak.portal;

import java.util.Locale;
import java.util.Optional;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

import tw.ecpa.keycloak.model.Agencies;
import tw.ecpa.keycloak.model.LoginMethod;
import tw.ecpa.keycloak.model.PersonName;
import tw.ecpa.keycloak.model.PersonnelRecord;

/**
 * The person a page is shown to, once identified: "人事主管測試@測試 (自然人憑證)". Found in this browser's
 * login in progress (its auth session cookie and the page's tab) or, failing that, its signed-in
 * session; never from anything the page could name on its own. {@code signedIn}: found by their
 * signed-in session, which is one of the active sessions 線上人數 counts.
 */
record SignedInPerson(String name, String agency, String method, boolean signedIn) {

    static Optional<SignedInPerson> of(KeycloakSession session, RealmModel realm, String clientId, String tabId, boolean english) {
        AuthenticationSessionManager authSessions = new AuthenticationSessionManager(session);
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        UserSessionModel signedIn = authSessions.getUserSessionFromAuthenticationCookie(realm);
        if (client != null && tabId != null) {
            AuthenticationSessionModel login = authSessions.getCurrentAuthenticationSession(realm, client, tabId);
            if (login != null && login.getAuthenticatedUser() != null) {
                UserModel user = login.getAuthenticatedUser();
                Optional<LoginMethod> method = LoginMethod.ofLogin(login);
                // The certificate step-up of someone already signed in runs in a new auth session that has
                // not logged anybody in yet: its person is the signed-in one, who came in the way their
                // session says (the page showed "陳志明@示範部第二署 ()" before).
                boolean alreadySignedIn = signedIn != null && signedIn.getUser() != null && signedIn.getUser().getId().equals(user.getId());
                if (method.isEmpty() && alreadySignedIn) {
                    method = LoginMethod.ofSession(signedIn);
                }
                return Optional.of(describe(session, realm, user, method, english, alreadySignedIn));
            }
        }
        if (signedIn != null && signedIn.getUser() != null) {
            return Optional.of(describe(session, realm, signedIn.getUser(), LoginMethod.ofSession(signedIn), english, true));
        }
        return Optional.empty();
    }

    /** {@code method}: the login method's id (password, certificate, agency-certificate), which the page header names. */
    private static SignedInPerson describe(KeycloakSession session, RealmModel realm, UserModel user, Optional<LoginMethod> method,
                                           boolean english, boolean signedIn) {
        return new SignedInPerson(PersonName.shown(user), agencyOf(session, realm, user, english), method.map(LoginMethod::id).orElse(null),
                signedIn);
    }

    /** The agency group's name (the official Chinese name), or its English name on English pages; the code when no agency has it. */
    private static String agencyOf(KeycloakSession session, RealmModel realm, UserModel user, boolean english) {
        return PersonnelRecord.of(user).agencyCode()
                .map(code -> new Agencies(session, realm).nameOf(code, english ? Locale.ENGLISH : Locale.TRADITIONAL_CHINESE))
                .orElse(null);
    }
}

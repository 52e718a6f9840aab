package tw.ecpa.keycloak.portal;

import java.util.Map;
import java.util.Optional;

import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

import tw.ecpa.keycloak.core.PersonalName;

/**
 * The person a page is shown to, once identified: "人事主管測試@測試 (自然人憑證)". Found in this browser's
 * login in progress (its auth session cookie and the page's tab) or, failing that, its signed-in
 * session; never from anything the page could name on its own. {@code signedIn}: found by their
 * signed-in session, which is one of the active sessions 線上人數 counts.
 */
record SignedInPerson(String name, String agency, String method, boolean signedIn) {

    /** The note the login methods leave in the auth and user session: password, certificate, agency-certificate. */
    static final String LOGIN_METHOD_NOTE = "ecpa.loginMethod";
    static final String AGENCY_CODE = "agencyCode";
    static final String AGENCY_NAME_EN = "agencyNameEn";
    static final String AGENCIES_ROOT = "agencies";

    static Optional<SignedInPerson> of(KeycloakSession session, RealmModel realm, String clientId, String tabId, boolean english) {
        AuthenticationSessionManager authSessions = new AuthenticationSessionManager(session);
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        UserSessionModel signedIn = authSessions.getUserSessionFromAuthenticationCookie(realm);
        if (client != null && tabId != null) {
            AuthenticationSessionModel login = authSessions.getCurrentAuthenticationSession(realm, client, tabId);
            if (login != null && login.getAuthenticatedUser() != null) {
                UserModel user = login.getAuthenticatedUser();
                String method = login.getAuthNote(LOGIN_METHOD_NOTE);
                // The certificate step-up of someone already signed in runs in a new auth session that has
                // not logged anybody in yet: its person is the signed-in one, who came in the way their
                // session says (the page showed "陳志明@示範部第二署 ()" before).
                boolean alreadySignedIn = signedIn != null && signedIn.getUser() != null && signedIn.getUser().getId().equals(user.getId());
                if (method == null && alreadySignedIn) {
                    method = signedIn.getNote(LOGIN_METHOD_NOTE);
                }
                return Optional.of(describe(session, realm, user, method, english, alreadySignedIn));
            }
        }
        if (signedIn != null && signedIn.getUser() != null) {
            return Optional.of(describe(session, realm, signedIn.getUser(), signedIn.getNote(LOGIN_METHOD_NOTE), english, true));
        }
        return Optional.empty();
    }

    private static SignedInPerson describe(KeycloakSession session, RealmModel realm, UserModel user, String method, boolean english,
                                           boolean signedIn) {
        return new SignedInPerson(nameOf(user), agencyOf(session, realm, user, english), method, signedIn);
    }

    /** As the portal writes names everywhere (王大明, Mary Chen); the account when the record has no name. */
    private static String nameOf(UserModel user) {
        String name = PersonalName.written(user.getLastName(), user.getFirstName());
        return name.isBlank() ? user.getUsername() : name;
    }

    /** The agency group's name (the official Chinese name), or its English name on English pages. */
    private static String agencyOf(KeycloakSession session, RealmModel realm, UserModel user, boolean english) {
        String code = user.getFirstAttribute(AGENCY_CODE);
        if (code == null || code.isBlank()) {
            return null;
        }
        return session.groups().searchGroupsByAttributes(realm, Map.of(AGENCY_CODE, code), 0, 2)
                .filter(SignedInPerson::isAgency)
                .findFirst()
                .map(group -> {
                    String inEnglish = group.getFirstAttribute(AGENCY_NAME_EN);
                    return english && inEnglish != null && !inEnglish.isBlank() ? inEnglish : group.getName();
                })
                .orElse(code);
    }

    /** Agencies are the groups under {@value #AGENCIES_ROOT}, as the personnel API reads them; another group with the attribute names none. */
    private static boolean isAgency(GroupModel group) {
        GroupModel top = group;
        while (top.getParent() != null) {
            top = top.getParent();
        }
        return top != group && AGENCIES_ROOT.equals(top.getName());
    }
}

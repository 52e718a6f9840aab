package tw.ecpa.keycloak.personnel;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Whether the portal shows the signed-in person the menu item 【權限與兼辦管理】, as the guide does for the
 * personnel chief, an authorised officer, the agency-certificate holder (and here the help desk): the
 * same rules as the personnel API ({@link Caller#mayReset}). An officer without the grant is told instead
 * that the personnel chief grants it and that the agency certificate (機關憑證) also works. Only a menu:
 * every API request is decided again by the API itself.
 */
public enum PersonnelOffice {

    /** May reset: the menu item leads to the personnel console. */
    OPEN("open"),
    /** A personnel officer whom the chief has not (or no longer) authorised. */
    ASK_THE_CHIEF("ask-the-chief"),
    /** Anyone else, or nobody signed in: nothing is shown. */
    NONE("none");

    private final String code;

    PersonnelOffice(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** For the person this browser is signed in as (Keycloak's identity cookie), in the login that cookie names. */
    public static PersonnelOffice ofSignedInPerson(KeycloakSession session, RealmModel realm) {
        AuthenticationManager.AuthResult signedIn = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (signedIn == null) {
            return NONE;
        }
        return of(session, realm, signedIn.getUser(), signedIn.getSession());
    }

    static PersonnelOffice of(KeycloakSession session, RealmModel realm, UserModel user, UserSessionModel login) {
        if (Caller.mayReset(session, realm, user, login)) {
            return OPEN;
        }
        return user != null && Caller.hasRole(realm, user, Caller.ROLE_OFFICER) ? ASK_THE_CHIEF : NONE;
    }
}

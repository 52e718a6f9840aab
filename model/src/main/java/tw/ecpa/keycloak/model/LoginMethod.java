package tw.ecpa.keycloak.model;

import java.util.Arrays;
import java.util.Optional;

import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * How the person logged in: 帳號登入 ({@link #PASSWORD}), 憑證登入 with a citizen card ({@link #CERTIFICATE})
 * or with an agency card ({@link #AGENCY_CERTIFICATE}). The login step that lets the person in records it
 * as the auth note and user-session note {@value #NOTE}; the page header shows it (初次@測試 (帳號登入)),
 * the {@code amr} mapper and the certificate level read it, and the personnel API recognises an
 * agency-certificate login by it. The ids are what sessions and tokens already hold: never rename them.
 */
public enum LoginMethod {

    PASSWORD("password"),
    CERTIFICATE("certificate"),
    AGENCY_CERTIFICATE("agency-certificate");

    /** Auth note and user-session note: the {@link #id()} of the method that logged the person in. */
    public static final String NOTE = "ecpa.loginMethod";
    /** Login event detail (LOGIN, LOGIN_ERROR): the {@link #id()} of the method tried or used. */
    public static final String EVENT_DETAIL = "ecpa_login_method";
    /** User-session note the agency-certificate login adds: the code of the agency it acts for. */
    public static final String ACTING_AGENCY_NOTE = "ecpa.actingAgency";

    private final String id;

    LoginMethod(String id) {
        this.id = id;
    }

    /** The value of the note, of the home page's box field and of the login events' method detail. */
    public String id() {
        return id;
    }

    /** Whether a card (citizen or agency) logged the person in. */
    public boolean byCard() {
        return this != PASSWORD;
    }

    public static Optional<LoginMethod> of(String id) {
        return Arrays.stream(values()).filter(method -> method.id.equals(id)).findFirst();
    }

    /** Records this method in the auth session and, for the session to come, in the user session. */
    public void recordIn(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(NOTE, id);
        authSession.setUserSessionNote(NOTE, id);
    }

    /** Forgets the method of an earlier attempt in this authentication: every new attempt starts without one. */
    public static void forget(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(NOTE);
    }

    /** How this authentication logged the person in so far; empty before any step did. */
    public static Optional<LoginMethod> ofLogin(AuthenticationSessionModel authSession) {
        return of(authSession.getAuthNote(NOTE));
    }

    /** How the signed-in session's person logged in. */
    public static Optional<LoginMethod> ofSession(UserSessionModel userSession) {
        return userSession == null ? Optional.empty() : of(userSession.getNote(NOTE));
    }

    /** The agency an agency-certificate login acts for; empty for any other login. */
    public static Optional<String> actingAgency(UserSessionModel userSession) {
        if (ofSession(userSession).filter(AGENCY_CERTIFICATE::equals).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(userSession.getNote(ACTING_AGENCY_NOTE)).filter(code -> !code.isBlank());
    }
}

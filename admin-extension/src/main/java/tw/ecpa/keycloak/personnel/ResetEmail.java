package tw.ecpa.keycloak.personnel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * The e-mail address the officer typed (E-MAIL 為必填欄位): mandatory, and checked by the realm's user
 * profile exactly as an administrator's edit would be, so the reset can never store an address the
 * profile refuses. Problems of other attributes are not the officer's business here and are ignored.
 */
final class ResetEmail {

    private static final String EMAIL = UserModel.EMAIL;

    /** RFC 5321's limit for a path: no mailbox is longer. */
    static final int MAX_LENGTH = 254;

    private ResetEmail() {
    }

    /**
     * Characters that have no business in an address an officer types: line breaks and other controls
     * (header injection), spaces, and invisible formatting such as U+202E RIGHT-TO-LEFT OVERRIDE or
     * U+200B ZERO WIDTH SPACE, which make the confirmation dialog show another address than the one sent.
     * The template's user profile refuses them too, but its e-mail validator is the operator's to change;
     * this check is the reset's own.
     */
    private static boolean hidesWhatIsTyped(int codePoint) {
        return Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }

    static String check(KeycloakSession session, UserModel person, String typed) {
        if (typed == null || typed.isBlank()) {
            throw PersonnelProblem.EMAIL_MISSING.exception();
        }
        String email = typed.strip();
        if (email.length() > MAX_LENGTH || email.codePoints().anyMatch(ResetEmail::hidesWhatIsTyped)) {
            throw PersonnelProblem.EMAIL_INVALID.exception();
        }
        Map<String, List<String>> attributes = new HashMap<>(person.getAttributes());
        attributes.put(EMAIL, List.of(email));
        UserProfile profile = session.getProvider(UserProfileProvider.class)
                .create(UserProfileContext.USER_API, attributes, person);
        try {
            profile.validate();
        } catch (ValidationException e) {
            if (e.isAttributeOnError(EMAIL)) {
                throw PersonnelProblem.EMAIL_INVALID.exception();
            }
        }
        return email;
    }
}

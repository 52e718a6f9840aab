package tw.ecpa.keycloak.authenticators.homepage;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * One box of the ECPA home page (帳號登入, later 憑證登入). The page posts a hidden field
 * {@value HomePage#METHOD_FIELD} naming the box, and the home authenticator hands the post to the
 * method of that name. A method either calls {@code context.success()} after setting the user and
 * the login-method note ({@link tw.ecpa.keycloak.model.LoginMethod#recordIn}), or answers with a challenge.
 */
public interface LoginMethod {

    /** The value of {@value HomePage#METHOD_FIELD} this method answers, and of the login-method note. */
    String id();

    void attempt(AuthenticationFlowContext context, MultivaluedMap<String, String> form);

    /**
     * Called once the subflow holding the home page has succeeded, after its level-of-authentication
     * condition recorded the subflow's level: a box whose login is worth more records it here.
     */
    default void onParentFlowSuccess(AuthenticationFlowContext context) {
    }
}

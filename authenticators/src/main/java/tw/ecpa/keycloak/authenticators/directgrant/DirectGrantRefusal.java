package tw.ecpa.keycloak.authenticators.directgrant;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuthErrorException;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

import tw.ecpa.keycloak.authenticators.IdentifyingStep;

/**
 * The realm's direct-grant flow (OAuth password grant): refuses every request. ECPA logins go through
 * the home page, where 帳號登入 runs the serving, lockout and first-login checks and the card login earns
 * the certificate level; a password grant would skip all of them (a departed officer could still get a
 * token), and no ECPA client needs one. The event carries no username: whatever was typed (often a
 * national ID) stays out of the event store.
 */
final class DirectGrantRefusal implements IdentifyingStep {

    static final String REFUSED = "ecpa_direct_grant_refused";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.getEvent().error(REFUSED);
        Response refusal = Response.status(Response.Status.BAD_REQUEST)
                .entity(new OAuth2ErrorRepresentation(OAuthErrorException.UNAUTHORIZED_CLIENT,
                        "Password grants are not accepted in this realm; sign in through the login page."))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
        context.failure(AuthenticationFlowError.ACCESS_DENIED, refusal);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }
}

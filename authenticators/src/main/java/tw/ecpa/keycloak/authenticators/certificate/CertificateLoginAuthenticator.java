package tw.ecpa.keycloak.authenticators.certificate;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.KeycloakSession;

import tw.ecpa.keycloak.authenticators.IdentifyingStep;

/**
 * 憑證登入 as a page of its own ({@link CertificatePage}), for a flow without the ECPA home page (a
 * certificate-only client), or as the step-up to the certificate level after a password or SSO login,
 * where the card must be the signed-in person's. The home page offers the same login as one of its
 * boxes ({@link CertificateLoginMethod}); a card already used there is not asked for again.
 */
final class CertificateLoginAuthenticator implements IdentifyingStep {

    private final CertificateLogin login;

    CertificateLoginAuthenticator(KeycloakSession session) {
        this.login = new CertificateLogin(session);
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (CertificateLogin.verifiedInThisAuthentication(context.getAuthenticationSession(), context.getUser())) {
            // The card logged this very person in on the home page of this login: asking again proves nothing more.
            context.success();
            return;
        }
        context.challenge(CertificatePage.render(context, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (context.getUser() != null) {
            login.attemptAsSignedIn(context, context.getHttpRequest().getDecodedFormParameters(),
                    error -> CertificatePage.render(context, error), context.getUser());
            return;
        }
        login.attempt(context, context.getHttpRequest().getDecodedFormParameters(), error -> CertificatePage.render(context, error));
    }
}

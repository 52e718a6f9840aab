package tw.ecpa.keycloak.authenticators.certificate;

import static tw.ecpa.keycloak.model.LoginMethod.CERTIFICATE;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;

import tw.ecpa.keycloak.authenticators.homepage.HomePage;
import tw.ecpa.keycloak.authenticators.homepage.LoginMethod;

/**
 * The home page's 憑證登入 box: the PIN field and 登入 next to 帳號登入. Its settings (trust anchors,
 * revocation, policies, component URL) are the home step's configuration.
 */
public final class CertificateLoginMethod implements LoginMethod {

    public static final String ID = CERTIFICATE.id();

    private final CertificateLogin login;
    private final HomePage page;

    public CertificateLoginMethod(KeycloakSession session, HomePage page) {
        this.login = new CertificateLogin(session);
        this.page = page;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void attempt(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        login.attempt(context, form, error -> page.render(context, error, null));
    }

    /**
     * A card used in this box is worth the certificate level, more than the home page's subflow records
     * for itself; recorded now, after the subflow's condition, so that the condition does not lower it.
     */
    @Override
    public void onParentFlowSuccess(AuthenticationFlowContext context) {
        CertificateLevel.reachedBy(context);
    }

    /** The box needs a nonce of this auth session on every rendering of the home page. */
    public static void offer(AuthenticationFlowContext context, LoginFormsProvider form) {
        CertificateLogin.offer(context, form);
    }
}

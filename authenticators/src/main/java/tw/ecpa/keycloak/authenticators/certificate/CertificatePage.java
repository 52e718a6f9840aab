package tw.ecpa.keycloak.authenticators.certificate;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * The 憑證登入 page ({@value #TEMPLATE}): a PIN field and 登入. The PIN field has no name: the page's
 * script gives the PIN to the card component and posts only the component's answer
 * ({@value CertificateLogin#ANSWER_FIELD}).
 */
final class CertificatePage {

    static final String TEMPLATE = "ecpa-certificate.ftl";

    private CertificatePage() {
    }

    static Response render(AuthenticationFlowContext context, FormMessage error) {
        LoginFormsProvider form = context.form().setExecution(context.getExecution().getId());
        CertificateLogin.offer(context, form);
        if (error != null) {
            form.addError(error);
        }
        return form.createForm(TEMPLATE);
    }
}

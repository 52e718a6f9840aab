package tw.ecpa.keycloak.authenticators.homepage;

import java.util.List;
import java.util.function.BiConsumer;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/** The ECPA home page ({@value #TEMPLATE}) with the boxes of the login methods that are installed. */
public final class HomePage {

    public static final String TEMPLATE = "ecpa-home.ftl";
    /** The hidden form field that says which box was posted. */
    public static final String METHOD_FIELD = "ecpa.method";

    private final List<String> methods;
    /** What boxes need on every rendering, e.g. 憑證登入's nonce of this auth session. */
    private final List<BiConsumer<AuthenticationFlowContext, LoginFormsProvider>> offers;

    public HomePage(List<String> methods) {
        this(methods, List.of());
    }

    public HomePage(List<String> methods, List<BiConsumer<AuthenticationFlowContext, LoginFormsProvider>> offers) {
        this.methods = List.copyOf(methods);
        this.offers = List.copyOf(offers);
    }

    /** The page, empty or with an error and the account the person typed (never the password). */
    public Response render(AuthenticationFlowContext context, FormMessage error, String typedAccount) {
        LoginFormsProvider form = context.form()
                .setExecution(context.getExecution().getId())
                .setAttribute("ecpaLoginMethods", methods);
        offers.forEach(offer -> offer.accept(context, form));
        if (typedAccount != null) {
            form.setAttribute("ecpaTypedAccount", typedAccount);
        }
        if (error != null) {
            form.addError(error);
        }
        return form.createForm(TEMPLATE);
    }
}

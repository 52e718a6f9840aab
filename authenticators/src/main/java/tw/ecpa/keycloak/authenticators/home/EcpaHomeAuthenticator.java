package tw.ecpa.keycloak.authenticators.home;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowCallback;
import org.keycloak.authentication.AuthenticationFlowContext;

import tw.ecpa.keycloak.authenticators.IdentifyingStep;
import tw.ecpa.keycloak.authenticators.certificate.VerifiedCertificateNotes;
import tw.ecpa.keycloak.authenticators.homepage.HomePage;
import tw.ecpa.keycloak.authenticators.homepage.LoginMethod;

/**
 * The ECPA home page as the first step of the browser flow: shows the boxes of the installed login
 * methods and hands a post to the method whose box it came from.
 */
final class EcpaHomeAuthenticator implements IdentifyingStep, AuthenticationFlowCallback {

    private final List<LoginMethod> methods;
    private final HomePage page;

    EcpaHomeAuthenticator(HomePage page, List<LoginMethod> methods) {
        this.page = page;
        this.methods = List.copyOf(methods);
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(page.render(context, null, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        // Every post is a new attempt: whatever an earlier box verified (a card, a person) counts no more.
        context.clearUser();
        tw.ecpa.keycloak.model.LoginMethod.forget(context.getAuthenticationSession());
        VerifiedCertificateNotes.forget(context.getAuthenticationSession());
        Optional<LoginMethod> method = methodFor(form.getFirst(HomePage.METHOD_FIELD));
        if (method.isEmpty()) {
            context.challenge(page.render(context, null, null));
            return;
        }
        method.get().attempt(context, form);
    }

    /** Keycloak calls this once the home page's subflow succeeded; every box hears it, only the one that logged in acts. */
    @Override
    public void onParentFlowSuccess(AuthenticationFlowContext context) {
        methods.forEach(method -> method.onParentFlowSuccess(context));
    }

    private Optional<LoginMethod> methodFor(String id) {
        return methods.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}

package tw.ecpa.keycloak.authenticators.cardbinding;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import tw.ecpa.keycloak.core.BundleVersion;

import tw.ecpa.keycloak.authenticators.binding.BoundCertificateCredentialModel;

/**
 * Required action {@value #PROVIDER_ID}: 自然人憑證上傳, binding a citizen card while signed in. Meant as an
 * application-initiated action ({@code kc_action}) and as the account console's "set up" of bound cards.
 */
public final class CardBindingActionFactory implements RequiredActionFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = BoundCertificateCredentialModel.SET_UP_ACTION;
    private static final CardBindingAction ACTION = new CardBindingAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return ACTION;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "ECPA bind a citizen certificate (自然人憑證上傳)";
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return BundleVersion.operationalInfo();
    }
}

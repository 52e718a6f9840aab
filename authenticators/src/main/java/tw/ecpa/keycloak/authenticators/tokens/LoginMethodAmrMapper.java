package tw.ecpa.keycloak.authenticators.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.representations.IDToken;

import tw.ecpa.keycloak.core.BundleVersion;
import tw.ecpa.keycloak.model.LoginMethod;


/**
 * Protocol mapper {@value #PROVIDER_ID}: the {@code amr} claim (RFC 8176) from how the person logged in
 * on the ECPA home page: {@code ["sc", "pin"]} for 憑證登入 with a citizen or an agency card (smart card
 * unlocked by its PIN),
 * {@code ["pwd"]} for 帳號登入. Keycloak's own AMR mapper reads one value per execution, and the home
 * page is one execution with both boxes, so it cannot tell them apart; the user-session note can.
 */
public final class LoginMethodAmrMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-login-method-amr";
    static final String AMR = "amr";

    private static final List<ProviderConfigProperty> PROPERTIES = properties();

    private static List<ProviderConfigProperty> properties() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, LoginMethodAmrMapper.class);
        return List.copyOf(properties);
    }

    static List<String> amrOf(String loginMethod) {
        return LoginMethod.of(loginMethod).map(method -> method.byCard() ? List.of("sc", "pin") : List.of("pwd")).orElse(List.of());
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        List<String> amr = amrOf(userSession.getNote(LoginMethod.NOTE));
        if (!amr.isEmpty()) {
            token.setOtherClaims(AMR, amr);
        }
    }

    /**
     * Keycloak starts every provider factory; this one, the mapper the template's {@code ecpa-login} scope
     * exists for, also repairs what importing the template leaves undone ({@link BuiltInClientScopes}).
     */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(BuiltInClientScopes::onEvent);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ECPA login method (amr)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "amr per RFC 8176: [\"sc\",\"pin\"] after 憑證登入, [\"pwd\"] after 帳號登入.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return BundleVersion.operationalInfo();
    }
}

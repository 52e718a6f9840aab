package tw.ecpa.keycloak.authenticators.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
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
import tw.ecpa.keycloak.core.account.CustomAccount;

/**
 * Protocol mapper {@value #PROVIDER_ID}: the claim {@value #CLAIM} with the person's custom account
 * (自訂帳號), the name they log in with. The username is the custom account only once the person chose
 * one: before that it is the import's placeholder ({@code ecpa-...}, as is an agency certificate's
 * account), which is nobody's account and stays out of the token, unlike in {@code preferred_username}.
 */
public final class CustomAccountMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "ecpa-custom-account";
    static final String CLAIM = "custom_account";

    private static final List<ProviderConfigProperty> PROPERTIES = properties();

    private static List<ProviderConfigProperty> properties() {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, CustomAccountMapper.class);
        return List.copyOf(properties);
    }

    static Optional<String> customAccountOf(String username) {
        return Optional.ofNullable(username).filter(name -> !name.isBlank() && !CustomAccount.isPlaceholder(name));
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        customAccountOf(userSession.getUser().getUsername()).ifPresent(account -> token.getOtherClaims().put(CLAIM, account));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "ECPA custom account";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "custom_account: the person's custom account (自訂帳號), absent while they have none.";
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

package tw.ecpa.keycloak.authenticators.certificate;

import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalLoaAuthenticatorFactory;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.authentication.authenticators.util.LoAUtil;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;


/**
 * The level of authentication (Keycloak's step-up mechanism) a certificate login reaches: the level of
 * the "Condition - Level of Authentication" next to the 憑證登入 page ({@code ecpa-certificate}) in
 * the browser flow, the level at which the flow would ask for the card.
 *
 * <p>A card used in the home page's box (level 1 there, shared with the password box) is worth as much
 * as the step-up page; but Keycloak only records a level when its conditional subflow runs, and the
 * certificate subflow does not run unless the client asked for that level. So the certificate login
 * records the certificate level through Keycloak's own {@link AcrStore}, exactly as the condition would
 * (for this login and, with the condition's max age, for later SSO logins): the home page's box once
 * its subflow succeeded, after the subflow's own condition recorded level 1
 * ({@link CertificateLoginMethod#onParentFlowSuccess}); a card bound on its first login as soon as it
 * logs its holder in ({@link CertificateLogin#boundCardLoggedIn}). A flow without such a condition has
 * no levels, and nothing is recorded.
 */
public final class CertificateLevel {

    private CertificateLevel() {
    }

    /** Records the certificate level for a login in which a card logged in the very person now signed in. */
    public static void reachedBy(AuthenticationFlowContext context) {
        if (!CertificateLogin.cardLoggedIn(context.getAuthenticationSession(), context.getUser())) {
            return;
        }
        Optional<Integer> level = of(context.getRealm(), context.getTopLevelFlow().getId());
        if (level.isEmpty()) {
            return;
        }
        AcrStore acr = new AcrStore(context.getSession(), context.getAuthenticationSession());
        if (acr.getLevelOfAuthenticationFromCurrentAuthentication() < level.get()) {
            acr.setLevelAuthenticated(level.get());
        }
    }

    /** The level of the condition that guards an {@code ecpa-certificate} step in the flow, if any. */
    static Optional<Integer> of(RealmModel realm, String flowId) {
        return subflows(realm, flowId)
                .map(subflowId -> levelGuardingCertificate(realm, subflowId))
                .flatMap(Optional::stream)
                .max(Integer::compare);
    }

    private static Stream<String> subflows(RealmModel realm, String flowId) {
        return Stream.concat(Stream.of(flowId), realm.getAuthenticationExecutionsStream(flowId)
                .filter(AuthenticationExecutionModel::isAuthenticatorFlow)
                .flatMap(execution -> subflows(realm, execution.getFlowId())));
    }

    private static Optional<Integer> levelGuardingCertificate(RealmModel realm, String flowId) {
        boolean asksForCard = realm.getAuthenticationExecutionsStream(flowId)
                .anyMatch(e -> CertificateLoginAuthenticatorFactory.PROVIDER_ID.equals(e.getAuthenticator()));
        if (!asksForCard) {
            return Optional.empty();
        }
        return realm.getAuthenticationExecutionsStream(flowId)
                .filter(e -> ConditionalLoaAuthenticatorFactory.PROVIDER_ID.equals(e.getAuthenticator()))
                .filter(e -> e.getAuthenticatorConfig() != null)
                .map(e -> realm.getAuthenticatorConfigById(e.getAuthenticatorConfig()))
                .map(CertificateLevel::levelOf)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Integer> levelOf(AuthenticatorConfigModel config) {
        return config == null ? Optional.empty() : Optional.ofNullable(LoAUtil.getLevelFromLoaConditionConfiguration(config));
    }
}

package tw.ecpa.keycloak.authenticators.cardbinding;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowBindings;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;

/**
 * The settings of a login step as the browser flow holds them, for what runs outside the flow (binding a
 * card while signed in): the holder verifiers of the binding step, and, in a realm from the older template
 * without the one certificate configuration, the certificate step's own settings. So a card the login
 * would refuse can never be bound. The flow is the
 * one the login used: the client's browser-flow override, else the realm's browser flow; the first
 * enabled execution of one of the given authenticators, depth first in flow order, wins.
 */
final class BrowserFlowSettings {

    private BrowserFlowSettings() {
    }

    static Optional<AuthenticatorConfigModel> of(RealmModel realm, ClientModel client, Set<String> authenticators) {
        String flowId = Optional.ofNullable(client)
                .map(c -> c.getAuthenticationFlowBindingOverride(AuthenticationFlowBindings.BROWSER_BINDING))
                .filter(id -> realm.getAuthenticationFlowById(id) != null)
                .orElseGet(() -> Optional.ofNullable(realm.getBrowserFlow()).map(AuthenticationFlowModel::getId).orElse(null));
        if (flowId == null) {
            return Optional.empty();
        }
        return executions(realm, flowId)
                .filter(execution -> authenticators.contains(execution.getAuthenticator()))
                .findFirst()
                .map(AuthenticationExecutionModel::getAuthenticatorConfig)
                .map(realm::getAuthenticatorConfigById);
    }

    private static Stream<AuthenticationExecutionModel> executions(RealmModel realm, String flowId) {
        return realm.getAuthenticationExecutionsStream(flowId)
                .filter(execution -> !execution.isDisabled())
                .flatMap(execution -> execution.isAuthenticatorFlow()
                        ? executions(realm, execution.getFlowId())
                        : Stream.of(execution));
    }
}

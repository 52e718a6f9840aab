package tw.ecpa.keycloak.authenticators.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.keycloak.events.Errors;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;

import tw.ecpa.keycloak.model.EcpaMetrics;
import tw.ecpa.keycloak.model.LoginMethod;

/**
 * Counts the login events by the login method Keycloak's own user-event metrics do not know, and the
 * reset links of 忘記密碼 (Keycloak's "send reset email" step) and the ones the mail server refused. As
 * Keycloak's metrics do, it counts once the request's transaction has committed: an event that was rolled
 * back is not counted. Only the event's type, error code and method become tags, never its user or details.
 */
final class EcpaMetricsListener implements EventListenerProvider {

    private final KeycloakSession session;
    private final EcpaMetrics metrics;
    private final List<Runnable> counts = new ArrayList<>();

    EcpaMetricsListener(KeycloakSession session, EcpaMetrics metrics) {
        this.session = session;
        this.metrics = metrics;
    }

    @Override
    public void onEvent(Event event) {
        switch (event.getType()) {
            case LOGIN, LOGIN_ERROR -> {
                Optional<LoginMethod> method = methodOf(event);
                Optional<String> error = Optional.ofNullable(event.getError());
                countAfterCommit(() -> metrics.login(method, error));
            }
            case SEND_RESET_PASSWORD -> countAfterCommit(() -> metrics.passwordReset(EcpaMetrics.FORGOT_PASSWORD));
            case SEND_RESET_PASSWORD_ERROR -> {
                if (Errors.EMAIL_SEND_FAILED.equals(event.getError())) {
                    countAfterCommit(() -> metrics.mailFailed(EcpaMetrics.Letter.RESET_LINK));
                }
            }
            default -> {
            }
        }
    }

    /**
     * The method the login step wrote into the event; for a LOGIN that a later request finished (after a
     * required action, whose event has no such detail), the note the step left on the user session.
     */
    private Optional<LoginMethod> methodOf(Event event) {
        Optional<LoginMethod> detailed = Optional.ofNullable(event.getDetails())
                .map(details -> details.get(LoginMethod.EVENT_DETAIL)).flatMap(LoginMethod::of);
        if (detailed.isPresent() || event.getSessionId() == null || event.getRealmId() == null) {
            return detailed;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserSessionModel userSession = realm == null ? null : session.sessions().getUserSession(realm, event.getSessionId());
        return LoginMethod.ofSession(userSession);
    }

    private void countAfterCommit(Runnable count) {
        if (counts.isEmpty()) {
            session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
                @Override
                protected void commitImpl() {
                    counts.forEach(Runnable::run);
                }

                @Override
                protected void rollbackImpl() {
                }
            });
        }
        counts.add(count);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}

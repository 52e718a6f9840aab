package tw.ecpa.keycloak.portal;

import jakarta.persistence.PersistenceException;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Counts every successful login ({@link EventType#LOGIN}) as a visit. The count runs after the login's
 * own transaction has committed and in a transaction of its own, so a login that fails is not counted
 * and a counting problem can never undo a login.
 */
final class LoginCountingListener implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(LoginCountingListener.class);
    /** A second attempt covers two nodes inserting the same day's first row at once. */
    private static final int ATTEMPTS = 2;

    private final KeycloakSession session;

    LoginCountingListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.LOGIN || event.getRealmId() == null) {
            return;
        }
        String realmId = event.getRealmId();
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                count(factory, realmId);
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    private static void count(KeycloakSessionFactory factory, String realmId) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory,
                        counting -> new VisitorCounter(counting).countVisit(realmId, VisitorFigures.portalDay()));
                return;
            } catch (PersistenceException e) {
                if (attempt == ATTEMPTS) {
                    LOG.warnf("a login in realm %s was not counted as a visit: %s", realmId, e.getMessage());
                }
            }
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}

package tw.ecpa.keycloak.personnel;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;

/**
 * Keycloak's database failed under a personnel request (an outage, a lost connection): the request's
 * transaction is rolled back, so nothing it began is kept and no letter has gone out (the letters go after
 * the reset is written, {@link PasswordReset}), and the console is told 503 {@code unavailable}, "try again
 * in a minute", instead of Keycloak's bare 500. Model exceptions the console causes (a duplicate, a
 * validation) are not outages and keep Keycloak's answer. A failure of the commit itself, after the
 * answer, is still Keycloak's 500, which the console shows as an unexpected error.
 */
final class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    private DatabaseOutage() {
    }

    static Response answer(KeycloakSession session, RuntimeException failure) {
        if (!isOutage(failure)) {
            throw failure;
        }
        session.getTransactionManager().setRollbackOnly();
        // Keycloak's message and the JDBC cause's class: no request data, no personal data
        LOG.warnf("A personnel request failed on the database and changed nothing: %s (%s)", failure.getMessage(),
                rootCause(failure).getClass().getName());
        return PersonnelProblem.UNAVAILABLE.exception().toResponse();
    }

    /**
     * A failure of the database itself: JPA's (Keycloak's realm and role queries let Hibernate's JDBC
     * exceptions through), or Keycloak's model exception over SQL or JPA; not a rule of the model.
     */
    static boolean isOutage(RuntimeException failure) {
        if (failure instanceof jakarta.persistence.PersistenceException) {
            return !(failure instanceof jakarta.persistence.EntityExistsException);
        }
        if (!(failure instanceof ModelException)
                || failure instanceof org.keycloak.models.ModelDuplicateException
                || failure instanceof org.keycloak.models.ModelValidationException
                || failure instanceof org.keycloak.models.ModelIllegalStateException) {
            return false;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException || cause instanceof jakarta.persistence.PersistenceException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}

package tw.ecpa.keycloak.personnel;

import java.sql.SQLException;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's database failed under a personnel request (an outage, a lost connection): the request's
 * transaction is rolled back, so nothing it began is kept and no letter has gone out (the letters go after
 * the reset is written, {@link PasswordReset}), and the console is told 503 {@code unavailable}, "try again
 * in a minute", instead of Keycloak's bare 500. Failures about the data (a duplicate, a bad value) are
 * not outages and keep Keycloak's answer. A failure of the commit itself, after the
 * answer, is still Keycloak's 500, which the console shows as an unexpected error.
 */
final class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    private DatabaseOutage() {
    }

    static Response answer(KeycloakSession session, RuntimeException failure) {
        Optional<SQLException> sql = sqlCause(failure);
        if (sql.isEmpty() || !isOutage(sql.get())) {
            throw failure;
        }
        session.getTransactionManager().setRollbackOnly();
        // The SQL state and the classes only: a driver's message may quote the values of the statement.
        LOG.warnf("A personnel request failed on the database and changed nothing: SQL state %s (%s, %s)",
                sql.get().getSQLState(), failure.getClass().getName(), sql.get().getClass().getName());
        return PersonnelProblem.UNAVAILABLE.exception().toResponse();
    }

    /**
     * A failure of the database itself, whether Keycloak wrapped it in its model exception or let JPA's
     * through (its realm and role queries do): an SQL error underneath that is not about the data (a
     * constraint, class 23, or a bad value, class 22, is a request that would fail again).
     */
    static boolean isOutage(RuntimeException failure) {
        return sqlCause(failure).map(DatabaseOutage::isOutage).orElse(false);
    }

    private static boolean isOutage(SQLException sql) {
        String state = sql.getSQLState();
        return state == null || !(state.startsWith("23") || state.startsWith("22"));
    }

    private static Optional<SQLException> sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }
}

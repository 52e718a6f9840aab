package tw.ecpa.keycloak.portal;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * The visitor figures in the table {@code ECPA_VISITOR_COUNT}: a row per realm and day and a row per
 * realm for the running total. Counting is an atomic {@code UPDATE ... SET VISITS = VISITS + 1}, so
 * concurrent logins on any cluster node never lose a visit; reading fetches two rows by primary key.
 * {@code {h-schema}} lets Hibernate put the schema Keycloak is configured with in front of the table.
 */
final class VisitorCounter {

    /** The period of the running total; a day's period is its ISO date. */
    static final String TOTAL = "total";

    private final EntityManager entities;

    VisitorCounter(KeycloakSession session) {
        this.entities = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /**
     * Adds one visit to the day and to the total. The first visit of a day inserts the day's row; when
     * another node inserts it at the same moment the insert fails and the caller's transaction must be
     * retried, which then finds the row and updates it.
     */
    void countVisit(String realmId, LocalDate day) {
        addOne(realmId, day.toString());
        addOne(realmId, TOTAL);
    }

    VisitorFigures figures(String realmId, LocalDate day, long onlineNow) {
        List<?> rows = entities.createNativeQuery(
                        "SELECT PERIOD, VISITS FROM {h-schema}ECPA_VISITOR_COUNT WHERE REALM_ID = :realm AND PERIOD IN (:day, :total)")
                .setParameter("realm", realmId)
                .setParameter("day", day.toString())
                .setParameter("total", TOTAL)
                .getResultList();
        long today = 0;
        long total = 0;
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            long visits = ((Number) columns[1]).longValue();
            if (TOTAL.equals(columns[0])) {
                total = visits;
            } else {
                today = visits;
            }
        }
        return new VisitorFigures(onlineNow, today, total);
    }

    /** Removes a deleted realm's rows. */
    void forget(String realmId) {
        entities.createNativeQuery("DELETE FROM {h-schema}ECPA_VISITOR_COUNT WHERE REALM_ID = :realm")
                .setParameter("realm", realmId)
                .executeUpdate();
    }

    private void addOne(String realmId, String period) {
        int updated = entities.createNativeQuery(
                        "UPDATE {h-schema}ECPA_VISITOR_COUNT SET VISITS = VISITS + 1 WHERE REALM_ID = :realm AND PERIOD = :period")
                .setParameter("realm", realmId)
                .setParameter("period", period)
                .executeUpdate();
        if (updated == 0) {
            entities.createNativeQuery("INSERT INTO {h-schema}ECPA_VISITOR_COUNT (REALM_ID, PERIOD, VISITS) VALUES (:realm, :period, 1)")
                    .setParameter("realm", realmId)
                    .setParameter("period", period)
                    .executeUpdate();
        }
    }
}

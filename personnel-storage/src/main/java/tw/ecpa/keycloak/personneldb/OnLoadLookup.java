package tw.ecpa.keycloak.personneldb;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;

import tw.ecpa.keycloak.core.NationalIdMask;

/**
 * Reads the one row of a person from the personnel database while they log in ({@link PersonOnLoad}), through
 * {@link RecentAnswers}. A database that cannot be reached is an answer, not an error: the caller lets an
 * imported person in with the status of the last sync, and this logs one {@code WARN} line per person and
 * lifetime of the answer, naming the person by the masked national ID.
 */
final class OnLoadLookup {

    private static final Logger LOG = Logger.getLogger(OnLoadLookup.class);

    /** The rows of a national ID, read from the database. */
    interface Rows {
        List<PersonnelRow> byNationalId(String nationalId) throws SQLException;
    }

    private final String componentId;
    private final String providerName;
    private final Rows rows;
    private final RecentAnswers answers;
    private final Duration lifetime;

    OnLoadLookup(String componentId, String providerName, Rows rows, RecentAnswers answers, Duration lifetime) {
        this.componentId = componentId;
        this.providerName = providerName;
        this.rows = rows;
        this.answers = answers;
        this.lifetime = lifetime;
    }

    /** The rows of the database's connection made for this look-up alone, with the look-up timeout. */
    static Rows fromDatabase(PersonnelDatabaseSettings settings, java.util.function.Supplier<String> password) {
        return nationalId -> {
            try (PersonnelDatabase database = PersonnelDatabase.connectForLookup(settings, password.get())) {
                return database.readByNationalId(nationalId);
            }
        };
    }

    String providerName() {
        return providerName;
    }

    LookupAnswer lookUp(String nationalId) {
        String key = componentId + "/" + nationalId;
        return answers.get(key).orElseGet(() -> {
            LookupAnswer answer = ask(nationalId);
            answers.put(key, answer, lifetime);
            return answer;
        });
    }

    private LookupAnswer ask(String nationalId) {
        try {
            return LookupAnswer.of(rows.byNationalId(nationalId));
        } catch (SQLException | RuntimeException e) {
            // As the sync's: the driver's message masked, the exception not logged (its message may quote an ID).
            String problem = PersonnelSync.masked(e.getMessage());
            LOG.warnf("personnel database %s could not be reached for %s (%s): an imported person logs in with the"
                    + " status of the last sync, someone not imported yet cannot be imported now",
                    providerName, NationalIdMask.mask(nationalId), problem);
            return LookupAnswer.unreachable(problem);
        }
    }
}

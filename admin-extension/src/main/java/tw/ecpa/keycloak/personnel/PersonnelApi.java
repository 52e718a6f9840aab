package tw.ecpa.keycloak.personnel;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Hands Keycloak's authenticated admin request to the {@link PersonnelResource}, once the token is the
 * personnel console's ({@link ConsoleToken}): every other client's token is refused here, before any
 * resource method runs.
 */
final class PersonnelApi implements AdminRealmResourceProvider {

    private final PersonnelSettings settings;

    PersonnelApi(PersonnelSettings settings) {
        this.settings = settings;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        if (!ConsoleToken.accepted(realm, auth.adminAuth())) {
            ConsoleToken.withdrawCors(session);
            throw new ForbiddenException(PersonnelProblem.CONSOLE_TOKEN_REQUIRED.exception().toResponse());
        }
        Caller caller;
        try {
            caller = Caller.of(session, realm, auth.adminAuth(), settings);
        } catch (PersonnelException e) {
            ConsoleToken.withdrawCors(session);
            throw new ForbiddenException(e.toResponse());
        } catch (ModelException | PersistenceException e) {
            // who the caller is could not be read: the console says "try again", not "not authorised"
            throw new WebApplicationException(DatabaseOutage.answer(session, e));
        }
        return new PersonnelResource(session, realm, caller, adminEvent, settings);
    }

    @Override
    public void close() {
    }
}

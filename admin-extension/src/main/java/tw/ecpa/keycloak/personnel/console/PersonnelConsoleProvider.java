package tw.ecpa.keycloak.personnel.console;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

final class PersonnelConsoleProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    PersonnelConsoleProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new PersonnelConsoleResource(session);
    }

    @Override
    public void close() {
    }
}

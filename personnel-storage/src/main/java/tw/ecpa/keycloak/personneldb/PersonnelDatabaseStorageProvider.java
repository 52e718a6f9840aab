package tw.ecpa.keycloak.personneldb;

import org.keycloak.storage.UserStorageProvider;

/**
 * The provider instance of {@code ecpa-personnel-db}. In this first part the personnel database reaches
 * Keycloak through the import alone ({@link PersonnelDatabaseStorageProviderFactory}'s sync): the imported
 * people are the realm's own users, linked to this provider, and every look-up finds them there.
 */
final class PersonnelDatabaseStorageProvider implements UserStorageProvider {

    @Override
    public void close() {
        // Nothing held: a sync opens and closes its own connection.
    }
}

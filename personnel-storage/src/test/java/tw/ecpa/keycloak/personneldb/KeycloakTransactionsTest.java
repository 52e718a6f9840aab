package tw.ecpa.keycloak.personneldb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.intThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RealmProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.UserSessionProvider;
import org.keycloak.storage.DatastoreProvider;
import org.keycloak.storage.datastore.DefaultDatastoreProvider;
import org.keycloak.vault.VaultStringSecret;
import org.keycloak.vault.VaultTranscriber;

/** The database password goes through the realm's vault, in a session of the sync's realm, as LDAP's bind credential does. */
class KeycloakTransactionsTest {

    private static final String REFERENCE = "${vault.personnel-db-password}";

    private final KeycloakSessionFactory sessionFactory = mock(KeycloakSessionFactory.class);
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final KeycloakContext context = mock(KeycloakContext.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final VaultTranscriber vault = mock(VaultTranscriber.class);
    private final VaultStringSecret secret = mock(VaultStringSecret.class);
    private final KeycloakTransactions transactions = new KeycloakTransactions(sessionFactory, "realm-id");

    @BeforeEach
    void session() {
        RealmProvider realms = mock(RealmProvider.class);
        when(sessionFactory.create()).thenReturn(session);
        when(session.getTransactionManager()).thenReturn(mock(KeycloakTransactionManager.class));
        when(session.realms()).thenReturn(realms);
        when(realms.getRealm("realm-id")).thenReturn(realm);
        when(session.getContext()).thenReturn(context);
        when(session.vault()).thenReturn(vault);
        when(vault.getStringSecret(REFERENCE)).thenReturn(secret);
    }

    @Test
    void aVaultReferenceIsResolvedInTheRealmAndTheSecretClosed() {
        when(secret.get()).thenReturn(Optional.of("from-the-vault"));

        assertThat(transactions.resolvePassword(REFERENCE)).isEqualTo("from-the-vault");
        verify(context).setRealm(realm);
        verify(secret).close();
    }

    @Test
    void aReferenceTheVaultDoesNotHoldStopsTheSyncWithoutTheValue() {
        when(secret.get()).thenReturn(Optional.empty());

        assertThatThrownBy(() -> transactions.resolvePassword(REFERENCE))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("names a vault secret that the vault does not hold");
        verify(secret).close();
    }

    @Test
    void endingTheSessionsRefusesEveryTokenIssuedSoFarAndRemovesTheSessionsAsTheAdminConsolesSignOutDoes() {
        DefaultDatastoreProvider datastore = mock(DefaultDatastoreProvider.class);
        UserProvider localUsers = mock(UserProvider.class);
        UserSessionProvider sessions = mock(UserSessionProvider.class);
        when(session.getProvider(DatastoreProvider.class)).thenReturn(datastore);
        when(datastore.userLocalStorage()).thenReturn(localUsers);
        when(session.sessions()).thenReturn(sessions);
        when(context.getRealm()).thenReturn(realm);
        UserModel user = mock(UserModel.class);
        int before = Time.currentTime();

        transactions.inTransaction(store -> {
            store.endSessions().accept(user);
            return null;
        });

        verify(localUsers).setNotBeforeForUser(eq(realm), eq(user), intThat(at -> at >= before && at <= Time.currentTime()));
        verify(sessions).removeUserSessions(realm, user);
    }

    @Test
    void noPasswordNeedsNoVault() {
        assertThat(transactions.resolvePassword("")).isEmpty();
        assertThat(transactions.resolvePassword(null)).isNull();
        verify(sessionFactory, never()).create();
    }
}

package tw.ecpa.keycloak.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

class AccountLockTest {

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final UserModel user = mock(UserModel.class);
    private final BruteForceProtector protector = mock(BruteForceProtector.class);

    AccountLockTest() {
        when(session.getProvider(BruteForceProtector.class)).thenReturn(protector);
    }

    @Test
    void givenARealmWithoutBruteForceDetectionThenNobodyIsLocked() {
        when(protector.isPermanentlyLockedOut(session, realm, user)).thenReturn(true);
        assertThat(AccountLock.isLocked(session, realm, user)).isFalse();
    }

    @Test
    void givenTooManyFailuresThenThePersonIsLockedForAWhileOrForGood() {
        when(realm.isBruteForceProtected()).thenReturn(true);
        assertThat(AccountLock.isLocked(session, realm, user)).isFalse();
        when(protector.isTemporarilyDisabled(session, realm, user)).thenReturn(true);
        assertThat(AccountLock.isLocked(session, realm, user)).isTrue();
        when(protector.isTemporarilyDisabled(session, realm, user)).thenReturn(false);
        when(protector.isPermanentlyLockedOut(session, realm, user)).thenReturn(true);
        assertThat(AccountLock.isLocked(session, realm, user)).isTrue();
    }
}

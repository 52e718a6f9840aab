package tw.ecpa.keycloak.authenticators.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakTransaction;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** When the listener mails and to whom: after the commit only, once per change, to the person's address. */
class CredentialNoticeListenerTest {

    private final KeycloakSession request = mock(KeycloakSession.class, RETURNS_DEEP_STUBS);
    private final KeycloakSession mailing = mock(KeycloakSession.class, RETURNS_DEEP_STUBS);
    private final EmailTemplateProvider email = mock(EmailTemplateProvider.class);
    private final UserModel person = mock(UserModel.class, RETURNS_DEEP_STUBS);
    private final RealmModel realm = mock(RealmModel.class);
    private final List<KeycloakTransaction> afterCompletion = new ArrayList<>();
    private final CredentialNoticeListener listener = new CredentialNoticeListener(request);

    @BeforeEach
    void aRequestAndTheSessionTheNoticeGoesIn() {
        KeycloakSessionFactory factory = mock(KeycloakSessionFactory.class);
        when(request.getKeycloakSessionFactory()).thenReturn(factory);
        KeycloakTransactionManager transactions = mock(KeycloakTransactionManager.class);
        when(request.getTransactionManager()).thenReturn(transactions);
        doAnswer(i -> afterCompletion.add(i.getArgument(0))).when(transactions).enlistAfterCompletion(any());
        when(factory.create()).thenReturn(mailing);
        when(mailing.realms().getRealm("realm")).thenReturn(realm);
        when(realm.getId()).thenReturn("realm");
        when(mailing.users().getUserById(realm, "user")).thenReturn(person);
        when(person.getId()).thenReturn("user");
        when(person.getEmail()).thenReturn("person@example.org");
        when(person.credentialManager().getStoredCredentialsByTypeStream(anyString())).thenAnswer(i -> Stream.empty());
        when(mailing.getContext().resolveLocale(person)).thenReturn(Locale.ENGLISH);
        doReturn(email).when(mailing).getProvider(EmailTemplateProvider.class);
        when(email.setRealm(any())).thenReturn(email);
        when(email.setUser(any())).thenReturn(email);
    }

    private static Event event(EventType type, Map<String, String> details) {
        Event event = new Event();
        event.setType(type);
        event.setRealmId("realm");
        event.setUserId("user");
        event.setTime(1_765_155_900_000L);
        event.setDetails(new HashMap<>(details));
        return event;
    }

    private void commit() {
        afterCompletion.forEach(transaction -> {
            transaction.begin();
            transaction.commit();
        });
    }

    private void rollback() {
        afterCompletion.forEach(transaction -> {
            transaction.begin();
            transaction.rollback();
        });
    }

    @Test
    void aCommittedPasswordChangeIsOneNoticeToThePersonThoughReportedTwice() throws Exception {
        listener.onEvent(event(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "password")));
        listener.onEvent(event(EventType.UPDATE_PASSWORD, Map.of("credential_type", "password")));
        verify(email, never()).send(anyString(), anyList(), anyString(), anyMap());

        commit();

        verify(email).setUser(person);
        verify(email, times(1)).send(eq("ecpa.mail.notice.password-changed.subject"), anyList(), eq(CredentialNotice.TEMPLATE), anyMap());
    }

    @Test
    void aChangeRolledBackIsNoNotice() throws Exception {
        listener.onEvent(event(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "ecpa-certificate")));

        rollback();

        verify(email, never()).send(anyString(), anyList(), anyString(), anyMap());
    }

    @Test
    void aCardBoundAndThePasswordSetInOneRequestAreTwoNotices() throws Exception {
        listener.onEvent(event(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "ecpa-certificate")));
        listener.onEvent(event(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "password")));

        commit();

        verify(email).send(eq("ecpa.mail.notice.card-bound.subject"), anyList(), eq(CredentialNotice.TEMPLATE), anyMap());
        verify(email).send(eq("ecpa.mail.notice.password-changed.subject"), anyList(), eq(CredentialNotice.TEMPLATE), anyMap());
    }

    @Test
    void aPersonWithoutAnAddressGetsNone() throws Exception {
        when(person.getEmail()).thenReturn(null);
        listener.onEvent(event(EventType.REMOVE_CREDENTIAL, Map.of("credential_type", "ecpa-certificate")));

        commit();

        verify(email, never()).send(anyString(), anyList(), anyString(), anyMap());
    }

    @Test
    void aLoginIsNoNoticeAndEnlistsNothing() {
        listener.onEvent(event(EventType.LOGIN, Map.of()));

        assertThat(afterCompletion).isEmpty();
    }
}

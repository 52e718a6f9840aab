package tw.ecpa.keycloak.authenticators.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Errors;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransaction;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RealmProvider;
import org.keycloak.models.UserSessionProvider;
import org.keycloak.models.UserSessionModel;

import tw.ecpa.keycloak.model.EcpaMetrics;
import tw.ecpa.keycloak.model.LoginMethod;

class EcpaMetricsListenerTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final List<KeycloakTransaction> afterCompletion = new ArrayList<>();
    private final EcpaMetricsListener listener = new EcpaMetricsListener(session, new EcpaMetrics(registry));

    @BeforeEach
    void aTransactionThatKeepsWhatIsEnlisted() {
        KeycloakTransactionManager transactions = mock(KeycloakTransactionManager.class);
        when(session.getTransactionManager()).thenReturn(transactions);
        doAnswer(i -> afterCompletion.add(i.getArgument(0))).when(transactions).enlistAfterCompletion(any());
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

    private static Event event(EventType type, String error, Map<String, String> details) {
        Event event = new Event();
        event.setType(type);
        event.setRealmId("realm-1");
        event.setError(error);
        event.setDetails(new HashMap<>(details));
        return event;
    }

    private double logins(String... tags) {
        var counter = registry.find(EcpaMetrics.LOGINS).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Nested
    class GivenLoginEvents {

        @Test
        void aCertificateLoginAndARefusedOneAreCountedByMethodAndErrorOnceCommitted() {
            listener.onEvent(event(EventType.LOGIN, null, Map.of(LoginMethod.EVENT_DETAIL, "certificate", "certificate_serial", "4a31")));
            listener.onEvent(event(EventType.LOGIN_ERROR, "ecpa_certificate_expired", Map.of(LoginMethod.EVENT_DETAIL, "certificate")));
            assertThat(registry.getMeters()).as("nothing before the commit").isEmpty();

            commit();

            assertThat(logins("method", "certificate", "outcome", "success", "error", "")).isEqualTo(1);
            assertThat(logins("method", "certificate", "outcome", "failure", "error", "ecpa_certificate_expired")).isEqualTo(1);
            assertThat(afterCompletion).as("one transaction per request").hasSize(1);
        }

        @Test
        void aRolledBackLoginIsNotCounted() {
            listener.onEvent(event(EventType.LOGIN_ERROR, Errors.INVALID_USER_CREDENTIALS, Map.of(LoginMethod.EVENT_DETAIL, "password")));

            rollback();

            assertThat(registry.getMeters()).isEmpty();
        }

        @Test
        void aLoginFinishedAfterARequiredActionTakesTheMethodFromTheUserSession() {
            RealmModel realm = mock(RealmModel.class);
            UserSessionModel userSession = mock(UserSessionModel.class);
            RealmProvider realms = mock(RealmProvider.class);
            UserSessionProvider sessions = mock(UserSessionProvider.class);
            when(session.realms()).thenReturn(realms);
            when(session.sessions()).thenReturn(sessions);
            when(realms.getRealm("realm-1")).thenReturn(realm);
            when(sessions.getUserSession(realm, "session-1")).thenReturn(userSession);
            when(userSession.getNote(LoginMethod.NOTE)).thenReturn("agency-certificate");
            Event login = event(EventType.LOGIN, null, Map.of());
            login.setSessionId("session-1");

            listener.onEvent(login);
            commit();

            assertThat(logins("method", "agency-certificate", "outcome", "success")).isEqualTo(1);
        }

        @Test
        void aLoginOfNoEcpaStepIsOther() {
            listener.onEvent(event(EventType.LOGIN_ERROR, Errors.USER_NOT_FOUND, Map.of()));
            commit();

            assertThat(logins("method", "other", "error", Errors.USER_NOT_FOUND)).isEqualTo(1);
        }

        @Test
        void noDetailOfTheEventBecomesATag() {
            listener.onEvent(event(EventType.LOGIN, null, Map.of(LoginMethod.EVENT_DETAIL, "password", "username", "S2*****662")));
            commit();

            assertThat(registry.getMeters()).singleElement().satisfies(meter -> assertThat(meter.getId().getTags())
                    .extracting(tag -> tag.getKey()).containsExactlyInAnyOrder("method", "outcome", "error"));
        }
    }

    @Nested
    class GivenForgotPassword {

        @Test
        void aMailedResetLinkIsAForgotPasswordReset() {
            listener.onEvent(event(EventType.SEND_RESET_PASSWORD, null, Map.of()));
            commit();

            assertThat(registry.get(EcpaMetrics.PASSWORD_RESETS).tags("method", "forgot-password").counter().count()).isEqualTo(1);
        }

        @Test
        void aRefusedResetLinkIsAMailFailureAndNoReset() {
            listener.onEvent(event(EventType.SEND_RESET_PASSWORD_ERROR, Errors.EMAIL_SEND_FAILED, Map.of()));
            listener.onEvent(event(EventType.SEND_RESET_PASSWORD_ERROR, Errors.USER_NOT_FOUND, Map.of()));
            commit();

            assertThat(registry.get(EcpaMetrics.MAIL_FAILURES).tags("letter", "reset-link").counter().count()).isEqualTo(1);
            assertThat(registry.find(EcpaMetrics.PASSWORD_RESETS).counters()).isEmpty();
        }
    }

    @Test
    void otherEventsAreNotCounted() {
        listener.onEvent(event(EventType.CODE_TO_TOKEN, null, Map.of()));
        listener.onEvent(event(EventType.UPDATE_CREDENTIAL, null, Map.of()));
        commit();

        assertThat(registry.getMeters()).isEmpty();
        assertThat(afterCompletion).isEmpty();
    }
}

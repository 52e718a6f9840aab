package tw.ecpa.keycloak.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

class LoginMethodTest {

    /** An auth session that keeps its notes, and the user session Keycloak makes from its user-session notes. */
    private final Map<String, String> authNotes = new HashMap<>();
    private final Map<String, String> userSessionNotes = new HashMap<>();
    private final AuthenticationSessionModel authSession = authSession();

    private AuthenticationSessionModel authSession() {
        AuthenticationSessionModel session = mock(AuthenticationSessionModel.class);
        doAnswer(i -> authNotes.put(i.getArgument(0), i.getArgument(1))).when(session).setAuthNote(anyString(), anyString());
        doAnswer(i -> authNotes.remove(i.<String>getArgument(0))).when(session).removeAuthNote(anyString());
        when(session.getAuthNote(anyString())).thenAnswer(i -> authNotes.get(i.<String>getArgument(0)));
        doAnswer(i -> userSessionNotes.put(i.getArgument(0), i.getArgument(1))).when(session).setUserSessionNote(anyString(), anyString());
        return session;
    }

    private UserSessionModel userSession() {
        UserSessionModel session = mock(UserSessionModel.class);
        when(session.getNote(anyString())).thenAnswer(i -> userSessionNotes.get(i.<String>getArgument(0)));
        return session;
    }

    @Test
    void theIdsAreTheOnesSessionsAndTokensAlreadyHold() {
        assertThat(LoginMethod.NOTE).isEqualTo("ecpa.loginMethod");
        assertThat(LoginMethod.ACTING_AGENCY_NOTE).isEqualTo("ecpa.actingAgency");
        assertThat(LoginMethod.values()).extracting(LoginMethod::id)
                .containsExactly("password", "certificate", "agency-certificate");
    }

    @ParameterizedTest
    @EnumSource(LoginMethod.class)
    void givenAMethodRecordedByTheLoginThenTheLoginAndTheSessionToComeReadIt(LoginMethod method) {
        method.recordIn(authSession);
        assertThat(LoginMethod.ofLogin(authSession)).contains(method);
        assertThat(LoginMethod.ofSession(userSession())).contains(method);
    }

    @Test
    void givenANewAttemptThenTheEarlierMethodIsForgotten() {
        LoginMethod.PASSWORD.recordIn(authSession);
        LoginMethod.forget(authSession);
        assertThat(LoginMethod.ofLogin(authSession)).isEmpty();
    }

    @Test
    void givenAnUnknownOrMissingNoteThenThereIsNoMethod() {
        assertThat(LoginMethod.of("otp")).isEmpty();
        assertThat(LoginMethod.of(null)).isEmpty();
        assertThat(LoginMethod.ofSession(null)).isEmpty();
    }

    @Test
    void onlyTheCardsAreCardLogins() {
        assertThat(LoginMethod.PASSWORD.byCard()).isFalse();
        assertThat(LoginMethod.CERTIFICATE.byCard()).isTrue();
        assertThat(LoginMethod.AGENCY_CERTIFICATE.byCard()).isTrue();
    }

    /** What the certificate login writes for an agency card. */
    private void agencyLogin(String agencyCode) {
        LoginMethod.AGENCY_CERTIFICATE.recordIn(authSession);
        authSession.setUserSessionNote(LoginMethod.ACTING_AGENCY_NOTE, agencyCode);
    }

    @Nested
    class GivenAnAgencyCertificateLogin {

        @Test
        void thenThePersonnelApiReadsTheAgencyItActsFor() {
            agencyLogin("X10021000A");
            assertThat(LoginMethod.ofSession(userSession())).contains(LoginMethod.AGENCY_CERTIFICATE);
            assertThat(LoginMethod.actingAgency(userSession())).contains("X10021000A");
        }

        @Test
        void whenTheSessionSaysAnotherMethodThenAnActingAgencyNoteCountsForNothing() {
            LoginMethod.CERTIFICATE.recordIn(authSession);
            userSessionNotes.put(LoginMethod.ACTING_AGENCY_NOTE, "X10021000A");
            assertThat(LoginMethod.actingAgency(userSession())).isEmpty();
        }

        @Test
        void whenTheAgencyIsBlankThenItActsForNone() {
            agencyLogin(" ");
            assertThat(LoginMethod.actingAgency(userSession())).isEmpty();
            assertThat(LoginMethod.actingAgency(null)).isEmpty();
        }
    }
}

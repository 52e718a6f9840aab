package tw.ecpa.keycloak.authenticators.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.net.URI;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ws.rs.core.UriBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakUriInfo;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.model.EcpaMetrics;

/** 忘記密碼's first-login ways letter: a mail server that refuses it is counted, a sent letter is not. */
class ForgotPasswordLookupMailTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ForgotPasswordLookup lookup = new ForgotPasswordLookup(new EcpaMetrics(registry));
    private final AuthenticationFlowContext context = mock(AuthenticationFlowContext.class);
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final EmailTemplateProvider mail = mock(EmailTemplateProvider.class, RETURNS_SELF);
    private final EventBuilder event = mock(EventBuilder.class, RETURNS_SELF);
    private final UserModel person = mock(UserModel.class);

    @BeforeEach
    void aPersonWithAnAddress() {
        RealmModel realm = mock(RealmModel.class);
        when(realm.getName()).thenReturn("ecpa");
        when(context.getSession()).thenReturn(session);
        when(context.getRealm()).thenReturn(realm);
        UriBuilder base = mock(UriBuilder.class, RETURNS_SELF);
        when(base.build()).thenReturn(URI.create("http://localhost/realms/ecpa/account"));
        KeycloakContext keycloakContext = mock(KeycloakContext.class);
        KeycloakUriInfo uri = mock(KeycloakUriInfo.class);
        when(session.getContext()).thenReturn(keycloakContext);
        when(keycloakContext.getUri()).thenReturn(uri);
        when(uri.getBaseUriBuilder()).thenReturn(base);
        when(session.getProvider(EmailTemplateProvider.class)).thenReturn(mail);
        when(person.getEmail()).thenReturn("someone@example.org");
        when(person.getId()).thenReturn("user-1");
    }

    @Test
    void aRefusedLetterIsCountedAsAFirstLoginWaysMailFailure() throws EmailException {
        doThrow(new EmailException("refused")).when(mail).send(anyString(), anyList(), anyString(), anyMap());

        lookup.explainTheFirstLogin(context, event, person);

        verify(event).error(Errors.EMAIL_SEND_FAILED);
        assertThat(registry.get(EcpaMetrics.MAIL_FAILURES).tags("letter", "first-login-ways")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void aSentLetterIsNoFailure() {
        lookup.explainTheFirstLogin(context, event, person);

        verify(event).error(ForgotPasswordLookup.FIRST_LOGIN_PENDING);
        assertThat(registry.find(EcpaMetrics.MAIL_FAILURES).counters()).isEmpty();
    }

    @Test
    void aPersonWithoutAnAddressGetsNoLetterAndNoFailure() {
        when(person.getEmail()).thenReturn(null);

        lookup.explainTheFirstLogin(context, event, person);

        verify(event).error(Errors.INVALID_EMAIL);
        assertThat(registry.find(EcpaMetrics.MAIL_FAILURES).counters()).isEmpty();
        verifyNoInteractions(mail);
    }
}

package tw.ecpa.keycloak.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.sql.SQLException;
import java.util.Locale;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.UriBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.PasswordCredentialProvider;
import org.keycloak.credential.PasswordCredentialProviderFactory;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.KeycloakUriInfo;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

import tw.ecpa.keycloak.model.Agencies;
import tw.ecpa.keycloak.model.EcpaMetrics;
import tw.ecpa.keycloak.personnel.PersonnelRealm.Person;

/**
 * A reset done is counted under the caller's method; a refused letter under its letter, and the reset is not;
 * a database that fails on the reset's write fails it before any letter.
 */
class PasswordResetMetricsTest {

    private final PersonnelRealm world = new PersonnelRealm();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EmailTemplateProvider mail = mock(EmailTemplateProvider.class, RETURNS_SELF);
    private final KeycloakTransactionManager transaction = mock(KeycloakTransactionManager.class);
    private final Person helpDesk = world.person(PersonnelRealm.OTHER_AGENCY).holding(Caller.ROLE_HELP_DESK);
    private final Person person = world.person(PersonnelRealm.AGENCY);

    @BeforeEach
    void aServerThatStoresPasswordsAndSendsMail() {
        when(world.realm.getName()).thenReturn("ecpa");
        when(world.realm.getPasswordPolicy()).thenReturn(PasswordPolicy.empty());
        PasswordHashProvider hash = mock(PasswordHashProvider.class);
        when(hash.encodedCredential(anyString(), anyInt())).thenReturn(mock(PasswordCredentialModel.class));
        when(world.session.getProvider(PasswordHashProvider.class)).thenReturn(hash);
        when(world.session.getProvider(CredentialProvider.class, PasswordCredentialProviderFactory.PROVIDER_ID))
                .thenReturn(mock(PasswordCredentialProvider.class));
        when(world.session.getProvider(EmailTemplateProvider.class)).thenReturn(mail);
        when(world.session.getTransactionManager()).thenReturn(transaction);
        KeycloakContext context = mock(KeycloakContext.class);
        KeycloakUriInfo uri = mock(KeycloakUriInfo.class);
        UriBuilder base = mock(UriBuilder.class, RETURNS_SELF);
        when(base.build()).thenReturn(URI.create("http://localhost/realms/ecpa/account"));
        when(uri.getBaseUriBuilder()).thenReturn(base);
        when(context.getUri()).thenReturn(uri);
        when(context.resolveLocale(any())).thenReturn(Locale.forLanguageTag("zh-TW"));
        when(world.session.getContext()).thenReturn(context);
        when(world.session.sessions().getUserSessionsStream(any(), any(UserModel.class))).thenAnswer(call -> Stream.empty());
        when(person.model.getEmail()).thenReturn("old@example.org");
    }

    private void reset(String email) {
        Caller caller = world.callerOf(world.certificateLogin(helpDesk));
        new PasswordReset(world.session, world.realm, new Agencies(world.session, world.realm), new EcpaMetrics(registry))
                .perform(person.model, email, caller, 8);
    }

    @Test
    void aResetDoneIsCountedUnderItsMethod() {
        reset("old@example.org");

        assertThat(registry.get(EcpaMetrics.PASSWORD_RESETS).tags("method", "help-desk").counter().count()).isEqualTo(1);
        assertThat(registry.find(EcpaMetrics.MAIL_FAILURES).counters()).isEmpty();
    }

    @Test
    void aRefusedResetLetterIsCountedAndTheResetIsNot() throws EmailException {
        doThrow(new EmailException("refused")).when(mail).send(anyString(), anyList(), eq(ResetLetter.TEMPLATE), anyMap());

        assertThatThrownBy(() -> reset("old@example.org")).isInstanceOf(PersonnelException.class);

        verify(transaction).setRollbackOnly();
        assertThat(registry.get(EcpaMetrics.MAIL_FAILURES).tags("letter", "password-reset").counter().count()).isEqualTo(1);
        assertThat(registry.find(EcpaMetrics.PASSWORD_RESETS).counters()).isEmpty();
    }

    @Test
    void aRefusedNoticeToTheOldAddressIsCountedAsItsOwnLetter() throws EmailException {
        doThrow(new EmailException("refused")).when(mail)
                .send(anyString(), anyList(), eq(EmailChangeNotice.TEMPLATE), anyMap(), eq("old@example.org"));

        assertThatThrownBy(() -> reset("new@example.org")).isInstanceOf(PersonnelException.class);

        assertThat(registry.get(EcpaMetrics.MAIL_FAILURES).tags("letter", "email-changed").counter().count()).isEqualTo(1);
        assertThat(registry.find(EcpaMetrics.MAIL_FAILURES).tags("letter", "password-reset").counter()).isNull();
        assertThat(registry.find(EcpaMetrics.PASSWORD_RESETS).counters()).isEmpty();
    }

    @Test
    void aDatabaseThatFailsOnTheWriteSendsNoLetterAndCountsNoReset() throws EmailException {
        EntityManager entities = mock(EntityManager.class);
        doThrow(new ModelException("Database operation failed", new PersistenceException("connection refused",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")))).when(entities).flush();
        JpaConnectionProvider jpa = mock(JpaConnectionProvider.class);
        when(jpa.getEntityManager()).thenReturn(entities);
        when(world.session.getProvider(JpaConnectionProvider.class)).thenReturn(jpa);

        assertThatThrownBy(() -> reset("old@example.org")).isInstanceOf(ModelException.class);

        verify(mail, never()).send(anyString(), anyList(), anyString(), anyMap());
        assertThat(registry.find(EcpaMetrics.PASSWORD_RESETS).counters()).isEmpty();
        assertThat(DatabaseOutage.isOutage(new ModelException("Database operation failed", new PersistenceException("connection refused",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))))).as("what the personnel API answers as 503 unavailable").isTrue();
    }

    @Test
    void aFailureAboutTheDataIsNotAnOutage() {
        assertThat(DatabaseOutage.isOutage(new ModelDuplicateException("taken", new PersistenceException("unique",
                new SQLException("duplicate key value violates unique constraint", "23505"))))).isFalse();
        assertThat(DatabaseOutage.isOutage(new ModelException("no such role"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new PersistenceException("JDBC exception executing SQL",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"))))
                .as("Hibernate's own exception, as Keycloak's role query lets it through").isTrue();
    }
}

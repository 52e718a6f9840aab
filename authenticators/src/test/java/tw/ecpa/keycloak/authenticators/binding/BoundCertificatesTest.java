package tw.ecpa.keycloak.authenticators.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.mockito.ArgumentCaptor;

import tw.ecpa.keycloak.authenticators.certificate.TestCards;

/**
 * "Last used" of a card login goes to the card's binding row, not to the credential: a credential write
 * would drop the person from Keycloak's user cache on every login.
 */
class BoundCertificatesTest {

    private static final TestCards PKI = new TestCards();
    private static final X509Certificate CARD = PKI.citizen().certificate();
    private static final Instant NOW = Instant.parse("2026-12-08T03:50:00Z");
    private static final Instant BEFORE = Instant.parse("2026-11-02T02:00:00Z");

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final EntityManager entities = mock(EntityManager.class);
    private final Query update = mock(Query.class, RETURNS_SELF);
    private final Query select = mock(Query.class, RETURNS_SELF);
    private final UserModel daming = mock(UserModel.class);
    private final SubjectCredentialManager credentials = mock(SubjectCredentialManager.class);

    @BeforeEach
    void database() {
        JpaConnectionProvider jpa = mock(JpaConnectionProvider.class);
        when(session.getProvider(JpaConnectionProvider.class)).thenReturn(jpa);
        when(jpa.getEntityManager()).thenReturn(entities);
        when(entities.createNativeQuery(anyString())).thenAnswer(call -> ((String) call.getArgument(0)).startsWith("SELECT") ? select : update);
        when(update.executeUpdate()).thenReturn(1);
        when(realm.getId()).thenReturn("realm-1");
        when(daming.getId()).thenReturn("user-daming");
        when(daming.credentialManager()).thenReturn(credentials);
    }

    private void holds(BoundCertificateData data) {
        CredentialModel stored = BoundCertificateCredentialModel.create(data, "MOICA card");
        stored.setId("credential-1");
        when(credentials.getStoredCredentialsByTypeStream(BoundCertificateCredentialModel.TYPE)).thenAnswer(call -> Stream.of(stored));
    }

    private static BoundCertificateData firstForm(Long lastUsedAt) {
        return new BoundCertificateData(CARD.getIssuerX500Principal().getName(), CARD.getSerialNumber().toString(16),
                CARD.getSubjectX500Principal().getName(), CARD.getNotBefore().getTime(), CARD.getNotAfter().getTime(), 1L, lastUsedAt, null);
    }

    @Test
    void givenABoundCardThenItsLoginWritesTheBindingRowAndLeavesTheCredentialAlone() {
        holds(BoundCertificateData.of(CARD, 1L));

        new BoundCertificates(session, realm).recordUse(daming, CARD, NOW);

        verify(credentials, never()).updateStoredCredential(any());
        verify(entities).createNativeQuery(contains("SET LAST_USED_AT = :at"));
        verify(update).setParameter("at", NOW.toEpochMilli());
        verify(update).setParameter("card", CardFingerprint.of(CARD).value());
        verify(update).setParameter("user", "user-daming");
        verify(update).executeUpdate();
    }

    @Test
    void givenAFirstFormBindingThenItsLoginGivesTheCredentialItsSha256OnceAndTheRowTheUse() {
        holds(firstForm(BEFORE.toEpochMilli()));

        new BoundCertificates(session, realm).recordUse(daming, CARD, NOW);

        ArgumentCaptor<CredentialModel> written = ArgumentCaptor.forClass(CredentialModel.class);
        verify(credentials).updateStoredCredential(written.capture());
        BoundCertificateData keyed = BoundCertificateCredentialModel.of(written.getValue()).data();
        assertThat(keyed.certificateSha256()).isEqualTo(CardFingerprint.of(CARD).value());
        assertThat(keyed.lastUsedAt()).as("the credential's old last use is left as it was").isEqualTo(BEFORE.toEpochMilli());
        assertThat(written.getValue().getId()).isEqualTo("credential-1");
        verify(daming).removeAttribute(BoundCertificates.INDEX_ATTRIBUTE);
        verify(update).setParameter("at", NOW.toEpochMilli());
        verify(update).executeUpdate();
    }

    @Test
    void givenACertificateTheUserHasNotBoundThenNothingIsWritten() {
        holds(BoundCertificateData.of(PKI.citizen().certificate(), 1L));

        new BoundCertificates(session, realm).recordUse(daming, CARD, NOW);

        verify(credentials, never()).updateStoredCredential(any());
        verify(update, never()).executeUpdate();
    }

    @Test
    void givenTheRowKeepsALastUseThenThatIsTheCardsLastUse() {
        when(select.getResultList()).thenReturn(List.of(NOW.toEpochMilli()));
        BoundCertificateData data = BoundCertificateData.of(CARD, 1L);

        assertThat(new BoundCertificates(session, realm).lastUsed(daming, data)).contains(NOW);
        verify(select).setParameter("user", "user-daming");
    }

    @Test
    void givenARowNotUsedSinceItKeepsTheLastUseThenTheCredentialsOldOneIsShown() {
        List<Object> notYet = new java.util.ArrayList<>();
        notYet.add(null);
        when(select.getResultList()).thenReturn(notYet);
        BoundCertificateData data = BoundCertificateData.of(CARD, 1L);
        BoundCertificateData before = new BoundCertificateData(data.issuerDn(), data.serialNumber(), data.subjectDn(),
                data.notBefore(), data.notAfter(), 1L, BEFORE.toEpochMilli(), data.certificateSha256());

        assertThat(new BoundCertificates(session, realm).lastUsed(daming, before)).contains(BEFORE);
        assertThat(new BoundCertificates(session, realm).lastUsed(daming, data)).isEmpty();
    }

    @Test
    void givenNobodySignedInAsksThenOnlyTheCredentialsOwnLastUseIsShown() {
        assertThat(new BoundCertificates(session, realm).lastUsed(null, firstForm(BEFORE.toEpochMilli()))).contains(BEFORE);
        assertThat(new BoundCertificates(session, realm).lastUsed(null, BoundCertificateData.of(CARD, 1L))).isEqualTo(Optional.empty());
        verify(entities, never()).createNativeQuery(anyString());
    }
}

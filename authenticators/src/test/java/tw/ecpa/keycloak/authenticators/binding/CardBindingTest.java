package tw.ecpa.keycloak.authenticators.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.core.certificate.CertificateProfile;
import tw.ecpa.keycloak.holder.HolderCheck;
import tw.ecpa.keycloak.holder.HolderCheckRequest;
import tw.ecpa.keycloak.holder.HolderVerifier;

class CardBindingTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final String DAMING_ID = "A123456789";

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final BoundCertificates bindings = mock(BoundCertificates.class);
    private final HolderVerifier holderService = mock(HolderVerifier.class);
    private final HolderVerifier suffix = mock(HolderVerifier.class);
    private final CertificateProfile profile = mock(CertificateProfile.class);
    private final X509Certificate card = mock(X509Certificate.class);
    private final UserModel daming = person("daming", DAMING_ID);

    @BeforeEach
    void holderVerifiers() {
        when(session.getProvider(HolderVerifier.class, "http")).thenReturn(holderService);
        when(session.getProvider(HolderVerifier.class, "certificate-suffix")).thenReturn(suffix);
        when(suffix.check(any(), anyMap())).thenReturn(HolderCheck.MATCH);
        when(bindings.holderOf(card)).thenReturn(Optional.empty());
    }

    @Test
    void whenTheHolderCheckSaysTheCardIsThePersonsThenItIsBound() {
        when(holderService.check(any(), anyMap())).thenReturn(HolderCheck.MATCH);
        when(bindings.bind(daming, card, NOW)).thenReturn(BoundCertificates.Outcome.BOUND);

        CardBinding.Outcome outcome = binding("certificate-suffix", "http").bind(daming, profile, card, NOW);

        assertThat(outcome).isEqualTo(CardBinding.Outcome.BOUND);
        assertThat(outcome.bound()).isTrue();
        assertThat(outcome.eventError()).isEmpty();
        verify(holderService).check(new HolderCheckRequest(profile, NationalId.parse(DAMING_ID).orElseThrow()), Map.of());
    }

    @Test
    void aCardAlreadyThePersonsIsNotCheckedAgain() {
        when(bindings.holderOf(card)).thenReturn(Optional.of(daming));

        assertThat(binding("http").bind(daming, profile, card, NOW)).isEqualTo(CardBinding.Outcome.ALREADY_THEIRS);
        verify(holderService, never()).check(any(), anyMap());
    }

    @Test
    void aCardBoundToSomeoneElseStaysTheirsWithoutAHolderCheck() {
        UserModel xiaomei = person("xiaomei", "B223456780");
        when(bindings.holderOf(card)).thenReturn(Optional.of(xiaomei));

        CardBinding.Outcome outcome = binding("http").bind(daming, profile, card, NOW);

        assertThat(outcome).isEqualTo(CardBinding.Outcome.BOUND_TO_ANOTHER);
        assertThat(outcome.eventError()).contains("ecpa_certificate_bound_to_another");
        assertThat(outcome.refusedAttempt()).isTrue();
        verify(holderService, never()).check(any(), anyMap());
        verify(bindings, never()).bind(any(), any(), any());
    }

    @Test
    void whoeverWinsTheRaceForTheCardInTheBindingTableGetsIt() {
        when(holderService.check(any(), anyMap())).thenReturn(HolderCheck.MATCH);
        when(bindings.bind(daming, card, NOW)).thenReturn(BoundCertificates.Outcome.BOUND_TO_ANOTHER);

        assertThat(binding("http").bind(daming, profile, card, NOW)).isEqualTo(CardBinding.Outcome.BOUND_TO_ANOTHER);
    }

    @Test
    void aPersonWithoutANationalIdOnRecordCannotBeProvenTheHolder() {
        UserModel noId = person("visitor", null);

        CardBinding.Outcome outcome = binding("http").bind(noId, profile, card, NOW);

        assertThat(outcome).isEqualTo(CardBinding.Outcome.NOT_ON_RECORD);
        assertThat(outcome.eventError()).contains("user_not_found");
        verify(holderService, never()).check(any(), anyMap());
    }

    @Test
    void theSuffixCheckAloneIsTooWeakSoNothingIsBoundAndNobodyIsBlamed() {
        CardBinding.Outcome outcome = binding("certificate-suffix").bind(daming, profile, card, NOW);

        assertThat(outcome).isEqualTo(CardBinding.Outcome.HOLDER_CHECK_TOO_WEAK);
        assertThat(outcome.refusedAttempt()).isFalse();
        assertThat(outcome.eventError()).contains("ecpa_holder_check_too_weak");
        verify(bindings, never()).bind(any(), any(), any());
    }

    @Test
    void eachHolderAnswerHasItsOwnOutcomeAndOnlyTheRefusalsCountAgainstTheCard() {
        assertHolderAnswer(HolderCheck.MISMATCH, CardBinding.Outcome.HOLDER_MISMATCH, "ecpa_holder_mismatch", true);
        assertHolderAnswer(HolderCheck.UNKNOWN_CERTIFICATE, CardBinding.Outcome.HOLDER_UNKNOWN_CERTIFICATE,
                "ecpa_holder_unknown_certificate", true);
        assertHolderAnswer(HolderCheck.UNAVAILABLE, CardBinding.Outcome.HOLDER_UNAVAILABLE, "ecpa_holder_unavailable", false);
    }

    @Test
    void theFirstVerifierThatDoesNotMatchEndsTheChain() {
        when(suffix.check(any(), anyMap())).thenReturn(HolderCheck.MISMATCH);

        assertThat(binding("certificate-suffix", "http").bind(daming, profile, card, NOW))
                .isEqualTo(CardBinding.Outcome.HOLDER_MISMATCH);
        verify(holderService, never()).check(any(), anyMap());
    }

    private void assertHolderAnswer(HolderCheck answer, CardBinding.Outcome expected, String eventError, boolean counts) {
        when(holderService.check(any(), anyMap())).thenReturn(answer);

        CardBinding.Outcome outcome = binding("http").bind(daming, profile, card, NOW);

        assertThat(outcome).isEqualTo(expected);
        assertThat(outcome.bound()).isFalse();
        assertThat(outcome.eventError()).contains(eventError);
        assertThat(outcome.refusedAttempt()).isEqualTo(counts);
        verify(bindings, never()).bind(any(), any(), any());
    }

    private CardBinding binding(String... verifiers) {
        return new CardBinding(session, bindings, new BindingConfig(List.of(verifiers), Map.of(), 5, Duration.ofMinutes(15)));
    }

    private static UserModel person(String id, String nationalId) {
        UserModel user = mock(UserModel.class);
        when(user.getId()).thenReturn(id);
        when(user.getFirstAttribute("nationalId")).thenReturn(nationalId);
        return user;
    }
}

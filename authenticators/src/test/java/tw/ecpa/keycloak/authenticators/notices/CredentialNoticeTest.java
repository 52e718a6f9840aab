package tw.ecpa.keycloak.authenticators.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

class CredentialNoticeTest {

    private static Event event(EventType type, String error, Map<String, String> details) {
        Event event = new Event();
        event.setType(type);
        event.setRealmId("realm");
        event.setUserId("user");
        event.setError(error);
        event.setDetails(new HashMap<>(details));
        return event;
    }

    @Test
    void aCardBoundAtTheFirstLoginOrByUploadIsACardBoundNotice() {
        assertThat(CredentialNotice.of(event(EventType.UPDATE_CREDENTIAL, null,
                Map.of("credential_type", "ecpa-certificate", "certificate_bound", "true"))))
                .contains(CredentialNotice.CARD_BOUND);
        assertThat(CredentialNotice.of(event(EventType.UPDATE_CREDENTIAL, null, Map.of("credential_type", "ecpa-certificate"))))
                .contains(CredentialNotice.CARD_BOUND);
    }

    @Test
    void uploadingACardAlreadyThePersonsChangesNothingAndTellsNothing() {
        assertThat(CredentialNotice.of(event(EventType.UPDATE_CREDENTIAL, null,
                Map.of("credential_type", "ecpa-certificate", "certificate_bound", "already")))).isEmpty();
    }

    @Test
    void aRemovedCardIsACardRemovedNotice() {
        assertThat(CredentialNotice.of(event(EventType.REMOVE_CREDENTIAL, null,
                Map.of("credential_type", "ecpa-certificate", "credential_id", "c1")))).contains(CredentialNotice.CARD_REMOVED);
    }

    @Test
    void aRemovedCredentialOfAnotherKindIsNotACardNotice() {
        assertThat(CredentialNotice.of(event(EventType.REMOVE_CREDENTIAL, null, Map.of("credential_type", "otp")))).isEmpty();
    }

    @Test
    void thePasswordPageAndTheBirthdayStepAreAPasswordChangedNotice() {
        assertThat(CredentialNotice.of(event(EventType.UPDATE_CREDENTIAL, null, Map.of("credential_type", "password"))))
                .contains(CredentialNotice.PASSWORD_CHANGED);
        assertThat(CredentialNotice.of(event(EventType.UPDATE_PASSWORD, null, Map.of("credential_type", "password"))))
                .contains(CredentialNotice.PASSWORD_CHANGED);
        assertThat(CredentialNotice.of(event(EventType.UPDATE_PASSWORD, null, Map.of()))).contains(CredentialNotice.PASSWORD_CHANGED);
    }

    @Test
    void aRefusedChangeIsNoNoticeAndNeitherIsTheNoticesOwnFailure() {
        assertThat(CredentialNotice.of(event(EventType.UPDATE_CREDENTIAL_ERROR, "ecpa_certificate_revoked",
                Map.of("credential_type", "ecpa-certificate")))).isEmpty();
        assertThat(CredentialNotice.of(event(EventType.UPDATE_PASSWORD_ERROR, "password_rejected", Map.of()))).isEmpty();
        assertThat(CredentialNotice.of(event(CredentialNotice.PASSWORD_CHANGED.failureType(),
                CredentialNotice.NOTICE_FAILED, Map.of("credential_type", "password", "ecpa_notice", "password-changed")))).isEmpty();
    }

    @Test
    void loginsAndOtherEventsAreNoNotice() {
        assertThat(CredentialNotice.of(event(EventType.LOGIN, null, Map.of("credential_type", "password")))).isEmpty();
        assertThat(CredentialNotice.of(event(EventType.UPDATE_CREDENTIAL, null, Map.of("credential_type", "otp")))).isEmpty();
        assertThat(CredentialNotice.of(event(EventType.UPDATE_PROFILE, null, Map.of()))).isEmpty();
    }

    @Test
    void anEventWithoutAPersonIsNoNotice() {
        Event event = event(EventType.UPDATE_CREDENTIAL, null, Map.of("credential_type", "password"));
        event.setUserId(null);
        assertThat(CredentialNotice.of(event)).isEmpty();
    }

    @Test
    void aFailedNoticeIsTheChangesOwnErrorEvent() {
        assertThat(CredentialNotice.CARD_BOUND.failureType()).isEqualTo(EventType.UPDATE_CREDENTIAL_ERROR);
        assertThat(CredentialNotice.PASSWORD_CHANGED.failureType()).isEqualTo(EventType.UPDATE_CREDENTIAL_ERROR);
        assertThat(CredentialNotice.CARD_REMOVED.failureType()).isEqualTo(EventType.REMOVE_CREDENTIAL_ERROR);
    }
}

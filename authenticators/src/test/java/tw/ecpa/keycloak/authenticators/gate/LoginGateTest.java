package tw.ecpa.keycloak.authenticators.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

import tw.ecpa.keycloak.core.certificate.AgencyCertificateAccount;

class LoginGateTest {

    private final AuthenticationFlowContext context = mock(AuthenticationFlowContext.class);
    private final BruteForceProtector protector = mock(BruteForceProtector.class);
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final EventBuilder event = mock(EventBuilder.class, RETURNS_SELF);
    private final Response page = mock(Response.class);

    @BeforeEach
    void bruteForceProtectedRealm() {
        when(context.getProtector()).thenReturn(protector);
        when(context.getSession()).thenReturn(session);
        when(context.getRealm()).thenReturn(realm);
        when(context.getEvent()).thenReturn(event);
        when(realm.isBruteForceProtected()).thenReturn(true);
    }

    @Test
    void aServingEnabledPersonWhoIsNotLockedIsLetIn() {
        UserModel person = person();

        assertThat(LoginGate.check(context, person, LoginGate.Expected.PERSON)).isEmpty();
    }

    @Test
    void aTemporaryLockAndAPermanentOneAreTheirOwnRefusals() {
        UserModel person = person();
        when(protector.isTemporarilyDisabled(session, realm, person)).thenReturn(true);
        assertThat(LoginGate.lockedOut(context, person)).contains(LoginGate.Refusal.LOCKED_TEMPORARILY);

        when(protector.isPermanentlyLockedOut(session, realm, person)).thenReturn(true);
        assertThat(LoginGate.lockedOut(context, person)).contains(LoginGate.Refusal.LOCKED_PERMANENTLY);
        assertThat(LoginGate.Refusal.LOCKED_PERMANENTLY.locked()).isTrue();
        assertThat(LoginGate.Refusal.DISABLED.locked()).isFalse();
    }

    @Test
    void aRealmWithoutBruteForceDetectionLocksNobody() {
        UserModel person = person();
        when(realm.isBruteForceProtected()).thenReturn(false);
        when(protector.isTemporarilyDisabled(session, realm, person)).thenReturn(true);

        assertThat(LoginGate.lockedOut(context, person)).isEmpty();
    }

    @Test
    void aDisabledUserIsRefused() {
        UserModel person = person();
        when(person.isEnabled()).thenReturn(false);

        assertThat(LoginGate.standing(person, LoginGate.Expected.PERSON)).contains(LoginGate.Refusal.DISABLED);
    }

    @Test
    void aDepartedPersonIsRefusedWithTheDepartedMessageAndReason() {
        UserModel person = person();
        when(person.getFirstAttribute("employmentStatus")).thenReturn("departed");

        assertThat(LoginGate.standing(person, LoginGate.Expected.PERSON)).contains(LoginGate.Refusal.DEPARTED);
        assertThat(LoginGate.Refusal.DEPARTED.messageKey()).isEqualTo("ecpa.login.departed");
        assertThat(LoginGate.Refusal.DEPARTED.reason()).contains("departed");
        assertThat(LoginGate.Refusal.DEPARTED.eventError()).isEqualTo("user_disabled");
    }

    @Test
    void anAgencyAccountIsNoPersonButIsWhatAnAgencyCardLogsIn() {
        UserModel agency = agencyAccount();

        assertThat(LoginGate.standing(agency, LoginGate.Expected.PERSON)).contains(LoginGate.Refusal.NOT_A_PERSON);
        assertThat(LoginGate.standing(agency, LoginGate.Expected.AGENCY_ACCOUNT)).isEmpty();
    }

    @Test
    void theMarkerAloneDoesNotMakeAnAgencyAccount() {
        UserModel person = person();
        when(person.getFirstAttribute(AgencyCertificateAccount.MARKER_ATTRIBUTE)).thenReturn("true");

        assertThat(LoginGate.standing(person, LoginGate.Expected.PERSON)).isEmpty();
    }

    @Test
    void aDisabledAgencyAccountSwitchesTheAgencysCardLoginsOff() {
        UserModel agency = agencyAccount();
        when(agency.isEnabled()).thenReturn(false);

        assertThat(LoginGate.standing(agency, LoginGate.Expected.AGENCY_ACCOUNT)).contains(LoginGate.Refusal.DISABLED);
    }

    @Test
    void theOrderIsLockThenDisabledThenDepartedThenTheKindOfAccount() {
        UserModel everything = agencyAccount();
        when(everything.getFirstAttribute("employmentStatus")).thenReturn("departed");
        when(everything.isEnabled()).thenReturn(false);
        when(protector.isTemporarilyDisabled(session, realm, everything)).thenReturn(true);

        assertThat(LoginGate.check(context, everything, LoginGate.Expected.PERSON)).contains(LoginGate.Refusal.LOCKED_TEMPORARILY);
        when(protector.isTemporarilyDisabled(session, realm, everything)).thenReturn(false);
        assertThat(LoginGate.check(context, everything, LoginGate.Expected.PERSON)).contains(LoginGate.Refusal.DISABLED);
        when(everything.isEnabled()).thenReturn(true);
        assertThat(LoginGate.check(context, everything, LoginGate.Expected.PERSON)).contains(LoginGate.Refusal.DEPARTED);
        when(everything.getFirstAttribute("employmentStatus")).thenReturn("serving");
        assertThat(LoginGate.check(context, everything, LoginGate.Expected.PERSON)).contains(LoginGate.Refusal.NOT_A_PERSON);
    }

    @Test
    void aRefusedClaimCountsForBruteForceDetection() {
        LoginGate.refuse(context, LoginGate.Refusal.DEPARTED, LoginGate.Proof.CLAIMED, page);

        verify(event).detail(Details.REASON, "departed");
        verify(event).error("user_disabled");
        verify(context).failureChallenge(AuthenticationFlowError.USER_DISABLED, page);
        verify(context, never()).forceChallenge(any());
    }

    @Test
    void aRefusalOfSomeoneWhoProvedWhoTheyAreDoesNotCount() {
        LoginGate.refuse(context, LoginGate.Refusal.DISABLED, LoginGate.Proof.PROVEN, page);

        verify(event).error("user_disabled");
        verify(event, never()).detail(any(String.class), any(String.class));
        verify(context).forceChallenge(page);
        verify(context, never()).failureChallenge(any(), any());
    }

    private static UserModel person() {
        UserModel user = mock(UserModel.class);
        when(user.isEnabled()).thenReturn(true);
        when(user.getUsername()).thenReturn("daming.wang");
        when(user.getFirstAttribute("employmentStatus")).thenReturn("serving");
        return user;
    }

    private static UserModel agencyAccount() {
        UserModel user = mock(UserModel.class);
        when(user.isEnabled()).thenReturn(true);
        when(user.getUsername()).thenReturn(AgencyCertificateAccount.usernameFor("X10000000A"));
        when(user.getFirstAttribute(AgencyCertificateAccount.MARKER_ATTRIBUTE)).thenReturn(AgencyCertificateAccount.MARKER_VALUE);
        return user;
    }
}

package tw.ecpa.keycloak.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.mockito.Mockito;

import tw.ecpa.keycloak.personnel.PersonnelRealm.Person;

/**
 * Who the caller of the personnel API is (Caller.of) and whether the portal offers them the personnel office
 * (Caller.mayReset, PersonnelOffice): every role, each login, against Mockito models of the realm.
 */
class CallerTest {

    private final PersonnelRealm world = new PersonnelRealm();

    private static Map<String, String> agencyCertificateLogin(String agency) {
        return Map.of(PersonnelRealm.LOGIN_METHOD_NOTE, PersonnelRealm.AGENCY_CERTIFICATE_LOGIN, PersonnelRealm.ACTING_AGENCY_NOTE, agency);
    }

    private PersonnelOffice officeOf(Person person, Map<String, String> loginNotes) {
        return PersonnelOffice.of(world.session, world.realm, person.model, PersonnelRealm.login(loginNotes));
    }

    private static void assertRefused(Runnable call, PersonnelProblem problem) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PersonnelException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    @Nested
    class GivenAnOfficerTheChiefAuthorisedThenTheyResetInTheirAgencyAndItsConcurrentOnes {

        private final Person chief = world.chief();
        private final Person officer = world.authorisedOfficer(chief, PersonnelRealm.CONCURRENT_AGENCY);

        @Test
        void inAPasswordLogin() {
            Caller caller = world.callerOf(world.passwordLogin(officer));

            assertThat(caller.requireMethod()).isEqualTo(ResetMethod.OFFICER);
            assertThat(caller.agencyCode()).isEqualTo(PersonnelRealm.AGENCY);
            assertThat(caller.scope().agencyCodes()).containsExactly(PersonnelRealm.AGENCY, PersonnelRealm.CONCURRENT_AGENCY);
            assertThat(caller.scope().isWholeRealm()).isFalse();
            assertThat(caller.isChief()).as("an officer manages no officers").isFalse();
            assertThat(officeOf(officer, Map.of())).isEqualTo(PersonnelOffice.OPEN);
        }

        @Test
        void andAnOperatorWhoWantsTheCardForOfficersAsksForACertificateLogin() {
            PersonnelSettings cardForOfficers = new PersonnelSettings(12, 30, 300, EnumSet.of(ResetMethod.OFFICER), Set.of(), 120);

            Caller password = Caller.of(world.session, world.realm, world.passwordLogin(officer), cardForOfficers);
            Caller card = Caller.of(world.session, world.realm, world.certificateLogin(officer), cardForOfficers);

            assertThat(password.certificateLevelMissing()).isTrue();
            assertRefused(password::requireMethod, PersonnelProblem.CERTIFICATE_LEVEL_REQUIRED);
            assertThat(card.requireMethod()).isEqualTo(ResetMethod.OFFICER);
        }

        @Test
        void whenTheGrantorChiefIsOverTheOfficersParentAgency() {
            Person subAgencyOfficer = world.person(PersonnelRealm.SUB_AGENCY).holding(Caller.ROLE_OFFICER);
            OfficerGrants.write(subAgencyOfficer.model, true, java.util.List.of(), chief.model);

            assertThat(world.callerOf(world.passwordLogin(subAgencyOfficer)).scope().agencyCodes())
                    .containsExactly(PersonnelRealm.SUB_AGENCY);
        }
    }

    @Nested
    class GivenAnOfficerWhoseGrantDoesNotApplyThenTheyMayNotReset {

        private final Person chief = world.chief();

        private void assertMayNotReset(Person officer) {
            Caller caller = world.callerOf(world.passwordLogin(officer));
            assertThat(caller.method()).isEmpty();
            assertThat(caller.scope().agencyCodes()).isEmpty();
            assertRefused(caller::requireMethod, PersonnelProblem.NOT_AUTHORISED);
            assertThat(officeOf(officer, Map.of())).as("told to ask the chief").isEqualTo(PersonnelOffice.ASK_THE_CHIEF);
        }

        @Test
        void withoutAnyGrant() {
            assertMayNotReset(world.person(PersonnelRealm.AGENCY).holding(Caller.ROLE_OFFICER));
        }

        @Test
        void withConcurrentAgenciesButNoResetPermission() {
            Person officer = world.person(PersonnelRealm.AGENCY).holding(Caller.ROLE_OFFICER);
            OfficerGrants.write(officer.model, false, java.util.List.of(PersonnelRealm.CONCURRENT_AGENCY), chief.model);
            assertMayNotReset(officer);
        }

        @Test
        void afterMovingToAnotherAgency() {
            assertMayNotReset(world.authorisedOfficer(chief).movedTo(PersonnelRealm.OTHER_AGENCY));
        }

        @Test
        void whenTheGrantorHasDeparted() {
            Person officer = world.authorisedOfficer(chief);
            chief.departed();
            assertMayNotReset(officer);
        }

        @Test
        void whenTheGrantorIsDisabled() {
            Person officer = world.authorisedOfficer(chief);
            chief.disabled();
            assertMayNotReset(officer);
        }

        @Test
        void whenTheGrantorIsNoChief() {
            assertMayNotReset(world.authorisedOfficer(world.person(PersonnelRealm.AGENCY).holding(Caller.ROLE_OFFICER)));
        }

        @Test
        void whenTheGrantorIsTheChiefOfAnotherAgency() {
            Person otherChief = world.person(PersonnelRealm.OTHER_AGENCY).holding(Caller.ROLE_CHIEF);
            assertMayNotReset(world.authorisedOfficer(otherChief));
        }

        @Test
        void whenTheGrantorIsTheChiefOfASubAgencyOnly() {
            Person subAgencyChief = world.person(PersonnelRealm.SUB_AGENCY).holding(Caller.ROLE_CHIEF);
            assertMayNotReset(world.authorisedOfficer(subAgencyChief));
        }

        @Test
        void whenTheOfficerRoleIsGone() {
            Person formerOfficer = world.person(PersonnelRealm.AGENCY);
            OfficerGrants.write(formerOfficer.model, true, java.util.List.of(), chief.model);

            Caller caller = world.callerOf(world.passwordLogin(formerOfficer));
            assertThat(caller.method()).isEmpty();
            assertThat(officeOf(formerOfficer, Map.of())).isEqualTo(PersonnelOffice.NONE);
        }
    }

    @Nested
    class GivenThePersonnelChiefThenTheyResetInTheirOwnAgencyAndManageItsOfficers {

        private final Person chief = world.chief();

        @Test
        void inAPasswordLogin() {
            Caller caller = world.callerOf(world.passwordLogin(chief));

            assertThat(caller.requireMethod()).isEqualTo(ResetMethod.OFFICER);
            assertThat(caller.scope().agencyCodes()).as("not the sub-agencies: only the agency itself")
                    .containsExactly(PersonnelRealm.AGENCY);
            assertThat(caller.isChief()).isTrue();
            assertThat(officeOf(chief, Map.of())).isEqualTo(PersonnelOffice.OPEN);
        }

        @Test
        void butNotInALoginThatLacksTheCardTheOperatorAsksOfOfficers() {
            PersonnelSettings cardForOfficers = new PersonnelSettings(12, 30, 300, EnumSet.of(ResetMethod.OFFICER), Set.of(), 120);
            Caller caller = Caller.of(world.session, world.realm, world.passwordLogin(chief), cardForOfficers);

            assertThat(caller.certificateLevelMissing()).isTrue();
            assertThat(caller.isChief()).as("manages officers only after the card").isFalse();
        }
    }

    @Nested
    class GivenTheHelpDeskThenTheyReachTheWholeRealmAfterACertificateLogin {

        private final Person helpDesk = world.person(PersonnelRealm.OTHER_AGENCY).holding(Caller.ROLE_HELP_DESK);

        @Test
        void withTheCard() {
            Caller caller = world.callerOf(world.certificateLogin(helpDesk));

            assertThat(caller.requireMethod()).isEqualTo(ResetMethod.HELP_DESK);
            assertThat(caller.scope().isWholeRealm()).isTrue();
            assertThat(caller.isChief()).isFalse();
        }

        @Test
        void withAPasswordTheyAreAskedForTheCard() {
            Caller caller = world.callerOf(world.passwordLogin(helpDesk));

            assertThat(caller.method()).contains(ResetMethod.HELP_DESK);
            assertThat(caller.certificateLevelMissing()).isTrue();
            assertRefused(caller::requireMethod, PersonnelProblem.CERTIFICATE_LEVEL_REQUIRED);
            assertThat(officeOf(helpDesk, Map.of())).as("the menu leads to the console, which asks for the card")
                    .isEqualTo(PersonnelOffice.OPEN);
        }

        @Test
        void evenWhenTheyAreAChiefToo() {
            helpDesk.holding(Caller.ROLE_CHIEF);
            Caller caller = world.callerOf(world.certificateLogin(helpDesk));

            assertThat(caller.requireMethod()).isEqualTo(ResetMethod.HELP_DESK);
            assertThat(caller.isChief()).as("the help desk manages no officers").isFalse();
        }
    }

    @Nested
    class GivenAnAgencyCertificateLoginThenItActsForThatAgencyOnly {

        @Test
        void whateverThePersonsOwnAgency() {
            Person holder = world.person(PersonnelRealm.AGENCY);
            AdminAuth request = world.request(holder, Caller.CERTIFICATE_ACR, agencyCertificateLogin(PersonnelRealm.SUB_AGENCY));

            Caller caller = world.callerOf(request);

            assertThat(caller.requireMethod()).isEqualTo(ResetMethod.AGENCY_CERTIFICATE);
            assertThat(caller.agencyCode()).isEqualTo(PersonnelRealm.SUB_AGENCY);
            assertThat(caller.scope().agencyCodes()).containsExactly(PersonnelRealm.SUB_AGENCY);
            assertThat(officeOf(holder, agencyCertificateLogin(PersonnelRealm.SUB_AGENCY))).isEqualTo(PersonnelOffice.OPEN);
        }

        @Test
        void whateverThePersonsRoles() {
            Person helpDesk = world.person(PersonnelRealm.AGENCY).holding(Caller.ROLE_HELP_DESK).holding(Caller.ROLE_CHIEF);
            Caller caller = world.callerOf(world.request(helpDesk, Caller.CERTIFICATE_ACR, agencyCertificateLogin(PersonnelRealm.AGENCY)));

            assertThat(caller.requireMethod()).isEqualTo(ResetMethod.AGENCY_CERTIFICATE);
            assertThat(caller.scope().isWholeRealm()).isFalse();
            assertThat(caller.isChief()).isFalse();
        }

        @Test
        void andAnActingAgencyNoteOfAnotherLoginMethodCountsForNothing() {
            Person person = world.person(PersonnelRealm.AGENCY);
            Map<String, String> citizenCard = Map.of(PersonnelRealm.LOGIN_METHOD_NOTE, "citizen-certificate",
                    PersonnelRealm.ACTING_AGENCY_NOTE, PersonnelRealm.AGENCY);

            assertThat(world.callerOf(world.request(person, Caller.CERTIFICATE_ACR, citizenCard)).method()).isEmpty();
            assertThat(officeOf(person, citizenCard)).isEqualTo(PersonnelOffice.NONE);
        }

        @Test
        void andABlankActingAgencyActsForNone() {
            Person person = world.person(PersonnelRealm.AGENCY);
            Map<String, String> blank = agencyCertificateLogin(" ");

            assertThat(world.callerOf(world.request(person, Caller.CERTIFICATE_ACR, blank)).method()).isEmpty();
            assertThat(officeOf(person, blank)).isEqualTo(PersonnelOffice.NONE);
        }
    }

    @Nested
    class GivenSomeoneWithoutAPersonnelRoleThenTheyMayNotReset {

        @Test
        void inAnyLogin() {
            Person staff = world.person(PersonnelRealm.AGENCY);
            Caller caller = world.callerOf(world.certificateLogin(staff));

            assertThat(caller.method()).isEmpty();
            assertThat(caller.scope().agencyCodes()).isEmpty();
            assertThat(caller.isChief()).isFalse();
            assertRefused(caller::requireMethod, PersonnelProblem.NOT_AUTHORISED);
            assertThat(officeOf(staff, Map.of())).isEqualTo(PersonnelOffice.NONE);
        }
    }

    @Nested
    class GivenACallerNoLongerInGoodStandingThenEveryRequestIsRefused {

        private final Person chief = world.chief();

        private void assertRefusedAndNoOffice(Person caller) {
            assertRefused(() -> world.callerOf(world.certificateLogin(caller)), PersonnelProblem.NOT_AUTHORISED);
            assertThat(Caller.mayReset(world.session, world.realm, caller.model, PersonnelRealm.login(Map.of()))).isFalse();
        }

        @Test
        void whenDeparted() {
            assertRefusedAndNoOffice(chief.departed());
            assertThat(officeOf(chief, Map.of())).isEqualTo(PersonnelOffice.NONE);
        }

        @Test
        void whenDisabled() {
            assertRefusedAndNoOffice(chief.disabled());
        }

        @Test
        void whenTemporarilyLockedOut() {
            assertRefusedAndNoOffice(chief.lockedOut());
        }

        @Test
        void whenPermanentlyLockedOut() {
            when(world.protector.isPermanentlyLockedOut(world.session, world.realm, chief.model)).thenReturn(true);
            assertRefusedAndNoOffice(chief);
        }

        @Test
        void butALockoutCountsOnlyWhereTheRealmDetectsBruteForce() {
            chief.lockedOut();
            when(world.realm.isBruteForceProtected()).thenReturn(false);

            assertThat(world.callerOf(world.certificateLogin(chief)).requireMethod()).isEqualTo(ResetMethod.OFFICER);
        }

        @Test
        void whenTheTokenIsOfAnotherRealm() {
            AdminAuth master = new AdminAuth(Mockito.mock(RealmModel.class), world.certificateLogin(chief).getToken(), chief.model, null);
            assertRefused(() -> world.callerOf(master), PersonnelProblem.NOT_AUTHORISED);
        }

        @Test
        void whenTheTokenNamesNoUser() {
            AdminAuth nobody = new AdminAuth(world.realm, world.certificateLogin(chief).getToken(), null, null);
            assertRefused(() -> world.callerOf(nobody), PersonnelProblem.NOT_AUTHORISED);
            assertThat(PersonnelOffice.of(world.session, world.realm, null, null)).isEqualTo(PersonnelOffice.NONE);
        }
    }
}

package tw.ecpa.keycloak.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;

import tw.ecpa.keycloak.core.NationalId;

class PersonnelLookupTest {

    private final RealmModel realm = mock(RealmModel.class);
    private final UserProvider users = mock(UserProvider.class);
    private final java.util.Map<String, Object> attributes = new java.util.HashMap<>();
    private final PersonnelLookup lookup = lookup();
    private final UserModel daming = mock(UserModel.class);

    private PersonnelLookup lookup() {
        KeycloakSession session = mock(KeycloakSession.class);
        when(session.users()).thenReturn(users);
        when(session.getAttribute(anyString())).thenAnswer(i -> attributes.get(i.<String>getArgument(0)));
        when(session.removeAttribute(anyString())).thenAnswer(i -> attributes.remove(i.<String>getArgument(0)));
        return new PersonnelLookup(session, realm);
    }

    private void onRecord(String nationalId, UserModel... holders) {
        when(users.searchForUserByUserAttributeStream(realm, "nationalId", nationalId)).thenAnswer(i -> Stream.of(holders));
    }

    @Nested
    class GivenANationalId {

        @Test
        void whenOnePersonHoldsItThenThatPersonIsFound() {
            onRecord("A123456789", daming);
            assertThat(lookup.byNationalId(NationalId.of("A123456789"))).contains(daming);
        }

        @Test
        void whenTheFederationCouldNotAskThePersonnelDatabaseThenTheLookUpSaysSoAndTheNextOneStartsAfresh() {
            when(users.searchForUserByUserAttributeStream(realm, "nationalId", "A123456789")).thenAnswer(i -> {
                attributes.put(PersonnelLookup.DATABASE_UNREACHABLE, Boolean.TRUE);
                return Stream.empty();
            });
            assertThat(lookup.byNationalId(NationalId.of("A123456789"))).isEmpty();
            assertThat(lookup.personnelDatabaseUnreachable()).isTrue();

            onRecord("A123456789", daming);
            assertThat(lookup.byNationalId(NationalId.of("A123456789"))).contains(daming);
            assertThat(lookup.personnelDatabaseUnreachable()).isFalse();
        }

        @Test
        void whenTwoRecordsHoldIt_aDataError_thenNobodyIsFound() {
            onRecord("A123456789", daming, mock(UserModel.class));
            assertThat(lookup.byNationalId(NationalId.of("A123456789"))).isEmpty();
        }

        @ParameterizedTest(name = "typed \"{0}\"")
        @ValueSource(strings = {"A123456789", "a123456789", "Ａ１２３４５６７８９", " A123456789 "})
        void whenTypedInAnAccountFieldThenItIsNormalisedAndLookedUpAsAnId(String typed) {
            onRecord("A123456789", daming);
            assertThat(lookup.byAccountOrNationalId(typed)).contains(daming);
            verify(users, never()).getUserByUsername(any(), anyString());
        }
    }

    @Nested
    class GivenACustomAccount {

        @Test
        void whenSomeoneChoseItThenThatPersonIsFound() {
            when(users.getUserByUsername(realm, "daming.wang")).thenReturn(daming);
            assertThat(lookup.byAccountOrNationalId("Daming.Wang")).contains(daming);
            assertThat(lookup.byCustomAccount("daming.wang")).contains(daming);
        }

        @Test
        void whenItIsAServiceAccountThenNobodyIsFound() {
            when(daming.getServiceAccountClientLink()).thenReturn("client-id");
            when(users.getUserByUsername(realm, "service-account-portal")).thenReturn(daming);
            assertThat(lookup.byCustomAccount("service-account-portal")).isEmpty();
        }

        @ParameterizedTest(name = "placeholder \"{0}\"")
        @ValueSource(strings = {"ecpa-3f2a9c", "ecpa-agency-x10021000a"})
        void whenItIsAPlaceholderThenItIsNobodysAndNotLookedUp(String placeholder) {
            assertThat(lookup.byAccountOrNationalId(placeholder)).isEmpty();
            verify(users, never()).getUserByUsername(any(), anyString());
        }
    }

    @ParameterizedTest(name = "\"{0}\": no look-up")
    @ValueSource(strings = {"daming\u0000.wang", "A123456789\u0007", "line\nbreak", "   ", ""})
    void givenControlCharactersOrNothingThenNothingIsLookedUp(String typed) {
        assertThat(PersonnelLookup.plausible(typed)).isFalse();
        assertThat(lookup.byAccountOrNationalId(typed)).isEmpty();
        verify(users, never()).getUserByUsername(any(), anyString());
        verify(users, never()).searchForUserByUserAttributeStream(any(), anyString(), anyString());
    }

    @Test
    void givenTextLongerThanAnyAccountThenNothingIsLookedUp() {
        assertThat(PersonnelLookup.plausible("a".repeat(PersonnelLookup.LONGEST_TYPED))).isTrue();
        assertThat(PersonnelLookup.plausible("a".repeat(PersonnelLookup.LONGEST_TYPED + 1))).isFalse();
        assertThat(PersonnelLookup.plausible(null)).isFalse();
    }
}

package tw.ecpa.keycloak.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.GroupModel;
import org.keycloak.models.GroupProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A small realm: /agencies/示範部 (X10021000A) with 示範部第二署 (X10021100B) below it, and a group
 * /elsewhere/copy that carries 示範部's code and OID without being an agency.
 */
class AgenciesTest {

    private final RealmModel realm = mock(RealmModel.class);
    private final List<GroupModel> groups = new ArrayList<>();
    private GroupModel ministry;
    private GroupModel branch;
    private GroupModel copy;
    private Agencies agencies;

    @BeforeEach
    void realm() {
        GroupModel root = group("agencies", null, null, null);
        ministry = group("示範部", root, "X10021000A", "2.16.886.101.90001");
        when(ministry.getFirstAttribute(AgencyAttributes.NAME_EN)).thenReturn("Ministry of Examples");
        branch = group("示範部第二署", ministry, "X10021100B", "2.16.886.101.90002");
        when(ministry.getSubGroupsStream()).thenAnswer(i -> java.util.stream.Stream.of(branch));
        when(branch.getSubGroupsStream()).thenAnswer(i -> java.util.stream.Stream.empty());
        GroupModel elsewhere = group("elsewhere", null, null, null);
        copy = group("copy", elsewhere, "X10021000A", "2.16.886.101.90001");

        KeycloakSession session = mock(KeycloakSession.class);
        GroupProvider provider = mock(GroupProvider.class);
        when(session.groups()).thenReturn(provider);
        when(provider.searchGroupsByAttributes(eq(realm), anyMap(), any(), any())).thenAnswer(invocation -> {
            Map<String, String> wanted = invocation.getArgument(1);
            // Like the database: the first group carrying the attribute is the impostor outside /agencies.
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(copy), groups.stream().filter(g -> g != copy))
                    .filter(g -> wanted.entrySet().stream().allMatch(e -> Objects.equals(g.getFirstAttribute(e.getKey()), e.getValue())));
        });
        agencies = new Agencies(session, realm);
    }

    private GroupModel group(String name, GroupModel parent, String code, String oid) {
        GroupModel group = mock(GroupModel.class);
        when(group.getName()).thenReturn(name);
        when(group.getParent()).thenReturn(parent);
        when(group.getFirstAttribute(AgencyAttributes.CODE)).thenReturn(code);
        when(group.getFirstAttribute(AgencyAttributes.OID)).thenReturn(oid);
        groups.add(group);
        return group;
    }

    @Nested
    class GivenAGroupBelowAgencies {

        @Test
        void thenItIsFoundByCodeAndByOid() {
            assertThat(agencies.byCode("X10021100B")).contains(branch);
            assertThat(agencies.byOid("2.16.886.101.90002")).contains(branch);
        }

        @Test
        void thenItsParentIsTheAgencyAboveAndATopAgencyHasNone() {
            assertThat(Agencies.parentOf(branch)).contains(ministry);
            assertThat(Agencies.parentOf(ministry)).isEmpty();
            assertThat(Agencies.childrenOf(ministry)).containsExactly(branch);
        }

        @Test
        void thenAnAgencyIsWithinItselfAndItsAncestorsOnly() {
            assertThat(agencies.isWithin("X10021100B", "X10021000A")).isTrue();
            assertThat(agencies.isWithin("X10021100B", "X10021100B")).isTrue();
            assertThat(agencies.isWithin("X10021000A", "X10021100B")).isFalse();
            assertThat(agencies.isWithin("X10021000A", null)).isFalse();
            assertThat(agencies.isWithin("X99999999Z", "X10021000A")).isFalse();
        }

        @Test
        void thenTheSubtreeIsTheAgencyAndEveryoneBelow() {
            assertThat(agencies.subtree("X10021000A")).containsExactly(ministry, branch);
            assertThat(agencies.subtree("X10021100B")).containsExactly(branch);
            assertThat(agencies.subtree("X99999999Z")).isEmpty();
        }

        @Test
        void thenItsNameIsTheOfficialChineseOneAndTheEnglishOneOnEnglishPages() {
            assertThat(agencies.nameOf("X10021000A", Locale.TRADITIONAL_CHINESE)).isEqualTo("示範部");
            assertThat(agencies.nameOf("X10021000A", Locale.ENGLISH)).isEqualTo("Ministry of Examples");
            assertThat(agencies.nameOf("X10021100B", Locale.ENGLISH)).isEqualTo("示範部第二署");
            assertThat(agencies.nameOf("X99999999Z", Locale.ENGLISH)).isEqualTo("X99999999Z");
        }
    }

    @Nested
    class GivenAGroupOutsideAgenciesWithAnAgencysAttributes {

        @Test
        void thenItIsNoAgency() {
            assertThat(Agencies.isAgency(copy)).isFalse();
            assertThat(agencies.byCode("X10021000A")).contains(ministry);
            assertThat(agencies.byOid("2.16.886.101.90001")).contains(ministry);
        }

        @Test
        void thenTheTopGroupItselfIsNoAgencyEither() {
            assertThat(Agencies.isAgency(ministry.getParent())).isFalse();
            assertThat(Agencies.isAgency(ministry)).isTrue();
        }
    }

    @Test
    void givenAnAgencyWithoutACodeThenItsCertificateNamesNoAgency() {
        GroupModel nameless = group("無代碼機關", ministry.getParent(), null, "2.16.886.101.90009");
        assertThat(Agencies.codeOf(nameless)).isNull();
        assertThat(agencies.byOid("2.16.886.101.90009")).isEmpty();
    }

    @Test
    void givenNothingToLookUpThenNoAgencyIsFound() {
        assertThat(agencies.byCode(null)).isEmpty();
        assertThat(agencies.byCode(" ")).isEmpty();
        assertThat(agencies.byOid("")).isEmpty();
    }
}

package tw.ecpa.keycloak.personneldb;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

import tw.ecpa.keycloak.model.AgencyAttributes;
import tw.ecpa.keycloak.model.PersonnelAttributes;

/**
 * A realm for the import to write into: /agencies/示範部 (X10021000A) with 示範部第一署 (X10021100B) below it,
 * and a user store of Keycloak's own in-memory users behind a mocked {@link UserProvider}. Its transactions
 * ({@link #transactions}) roll back what a failed batch added, as the database would.
 */
final class PersonnelRealm {

    static final String MINISTRY = "X10021000A";
    static final String BRANCH = "X10021100B";

    final RealmModel realm = mock(RealmModel.class);
    final UserProvider users = mock(UserProvider.class);
    final List<UserModel> stored = new ArrayList<>();
    final List<UserModel> evicted = new ArrayList<>();
    /** The users whose sessions a sync ended, once per ending. */
    final List<UserModel> sessionsEnded = new ArrayList<>();
    private final Map<String, RoleModel> rolesById = new HashMap<>();
    private final Map<String, GroupModel> groupsById = new HashMap<>();
    private final Map<String, GroupModel> agenciesByCode = new HashMap<>();
    private final KeycloakSession session = mock(KeycloakSession.class);
    /** Commits fail for a transaction whose rows match this (a constraint of the database, say). */
    Predicate<List<UserModel>> commitFails = added -> false;
    int transactionsRun;

    PersonnelRealm() {
        GroupModel root = group("agencies", null, null);
        GroupModel ministry = group("示範部", root, MINISTRY);
        group("示範部第一署", ministry, BRANCH);
        group("其他", null, null);
        when(realm.getGroupById(anyString())).thenAnswer(i -> groupsById.get(i.<String>getArgument(0)));
        when(users.searchForUserByUserAttributeStream(eq(realm), eq(PersonnelAttributes.NATIONAL_ID), anyString()))
                .thenAnswer(i -> stored.stream().filter(u -> i.<String>getArgument(2).equals(u.getFirstAttribute(PersonnelAttributes.NATIONAL_ID))));
        // The realm's users a page at a time in username order, service accounts left out, as JpaUserProvider pages.
        when(users.searchForUserStream(eq(realm), eq(Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT, "false")), anyInt(), anyInt()))
                .thenAnswer(i -> stored.stream().sorted(UserModel.COMPARE_BY_USERNAME)
                        .skip(i.<Integer>getArgument(2)).limit(i.<Integer>getArgument(3)).toList().stream());
        when(realm.getRoleById(anyString())).thenAnswer(i -> rolesById.get(i.<String>getArgument(0)));
        for (String name : List.of("personnel-officer", "personnel-chief", "help-desk", "other-role")) {
            RoleModel role = mock(RoleModel.class);
            String id = UUID.randomUUID().toString();
            when(role.getId()).thenReturn(id);
            when(role.getName()).thenReturn(name);
            rolesById.put(id, role);
            when(realm.getRole(name)).thenReturn(role);
        }
        when(users.addUser(eq(realm), anyString())).thenAnswer(i -> {
            UserModel user = new InMemoryUserAdapter(session, realm, UUID.randomUUID().toString());
            user.setUsername(i.getArgument(1));
            stored.add(user);
            return user;
        });
    }

    Optional<GroupModel> agency(String code) {
        return Optional.ofNullable(agenciesByCode.get(code));
    }

    /** A user already in the realm, as the realm import or another provider made them. */
    UserModel existing(String nationalId, String federationLink) {
        UserModel user = new InMemoryUserAdapter(session, realm, UUID.randomUUID().toString());
        user.setUsername("someone-" + stored.size());
        user.setSingleAttribute(PersonnelAttributes.NATIONAL_ID, nationalId);
        user.setFederationLink(federationLink);
        stored.add(user);
        return user;
    }

    /** The realm role of that name (personnel-officer, personnel-chief, help-desk, other-role). */
    RoleModel role(String name) {
        return realm.getRole(name);
    }

    Optional<UserModel> byNationalId(String nationalId) {
        return stored.stream().filter(u -> nationalId.equals(u.getFirstAttribute(PersonnelAttributes.NATIONAL_ID))).findFirst();
    }

    PersonnelSync.Keycloak transactions(Function<String, String> vault) {
        return new PersonnelSync.Keycloak() {
            @Override
            public String resolvePassword(String configured) {
                return vault.apply(configured);
            }

            @Override
            public <T> T inTransaction(Function<RealmStore, T> work) {
                transactionsRun++;
                List<UserModel> before = List.copyOf(stored);
                T result = work.apply(new RealmStore(realm, users, PersonnelRealm.this::agency, evicted::add, sessionsEnded::add));
                List<UserModel> added = stored.stream().filter(u -> !before.contains(u)).toList();
                if (commitFails.test(added)) {
                    stored.retainAll(before);
                    throw new org.keycloak.models.ModelDuplicateException("constraint violated");
                }
                return result;
            }
        };
    }

    private GroupModel group(String name, GroupModel parent, String code) {
        GroupModel group = mock(GroupModel.class);
        String id = UUID.randomUUID().toString();
        when(group.getId()).thenReturn(id);
        when(group.getName()).thenReturn(name);
        when(group.getParent()).thenReturn(parent);
        String parentId = parent == null ? null : parent.getId();
        when(group.getParentId()).thenReturn(parentId);
        when(group.getFirstAttribute(AgencyAttributes.CODE)).thenReturn(code);
        when(group.getSubGroupsStream()).thenAnswer(i -> groupsById.values().stream().filter(g -> g.getParent() == group));
        groupsById.put(id, group);
        if (code != null) {
            agenciesByCode.put(code, group);
        }
        return group;
    }
}

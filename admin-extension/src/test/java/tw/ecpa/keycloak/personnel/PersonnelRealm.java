package tw.ecpa.keycloak.personnel;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.GroupModel;
import org.keycloak.models.GroupProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.UserSessionProvider;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.services.resources.admin.AdminAuth;

import tw.ecpa.keycloak.core.NationalId;

/**
 * A realm of Mockito models for the personnel API's decisions: the {@code /agencies} tree (an agency, its
 * sub-agency, an agency handled concurrently, another agency), the personnel roles, people with their
 * attributes and roles, and their logins (token and user session). Only what the decisions read is modelled.
 */
final class PersonnelRealm {

    /** 本機關: the agency of the officers and the chief below. */
    static final String AGENCY = "X10000000A";
    /** 所屬機關: an agency below {@link #AGENCY}. */
    static final String SUB_AGENCY = "X10010000A";
    /** An agency an officer may handle concurrently (兼辦). */
    static final String CONCURRENT_AGENCY = "X30000000A";
    /** Another agency, nobody's business but the help desk's. */
    static final String OTHER_AGENCY = "X20000000A";

    // The names as the realm stores them: the personnel record's attributes, the agency groups' attribute and
    // the user-session notes of an agency-certificate login.
    static final String AGENCY_CODE = "agencyCode";
    static final String NATIONAL_ID = "nationalId";
    static final String EMPLOYMENT_STATUS = "employmentStatus";
    static final String DEPARTED = "departed";
    static final String AGENCIES_GROUP = "agencies";
    static final String LOGIN_METHOD_NOTE = "ecpa.loginMethod";
    static final String ACTING_AGENCY_NOTE = "ecpa.actingAgency";
    static final String AGENCY_CERTIFICATE_LOGIN = "agency-certificate";

    final KeycloakSession session = mock(KeycloakSession.class);
    final RealmModel realm = mock(RealmModel.class);
    private final UserProvider users = mock(UserProvider.class);
    private final GroupProvider groups = mock(GroupProvider.class);
    private final UserSessionProvider sessions = mock(UserSessionProvider.class);
    final BruteForceProtector protector = mock(BruteForceProtector.class);
    private final ClientModel realmManagement = mock(ClientModel.class);
    private final RoleModel manageUsers = mock(RoleModel.class);
    private final Map<String, RoleModel> roles = new HashMap<>();
    private final Map<String, GroupModel> agencies = new HashMap<>();
    private final List<Person> people = new ArrayList<>();
    private final Map<String, UserSessionModel> logins = new HashMap<>();

    PersonnelRealm() {
        when(session.users()).thenReturn(users);
        when(session.groups()).thenReturn(groups);
        when(session.sessions()).thenReturn(sessions);
        when(session.getProvider(BruteForceProtector.class)).thenReturn(protector);
        when(realm.isBruteForceProtected()).thenReturn(true);
        for (String name : List.of(Caller.ROLE_OFFICER, Caller.ROLE_CHIEF, Caller.ROLE_HELP_DESK, "auditor")) {
            RoleModel role = mock(RoleModel.class);
            when(role.getName()).thenReturn(name);
            when(realm.getRole(name)).thenReturn(role);
            roles.put(name, role);
        }
        when(realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID)).thenReturn(realmManagement);
        when(realmManagement.getRolesStream()).thenAnswer(call -> Stream.of(manageUsers));

        GroupModel root = group(AGENCIES_GROUP, null, null);
        GroupModel agency = group("本機關", AGENCY, root);
        group("所屬機關", SUB_AGENCY, agency);
        group("兼辦機關", CONCURRENT_AGENCY, root);
        group("他機關", OTHER_AGENCY, root);
        when(groups.searchGroupsByAttributes(eq(realm), any(), any(), any())).thenAnswer(call -> {
            Map<String, String> attributes = call.getArgument(1);
            return Stream.ofNullable(agencies.get(attributes.get(AGENCY_CODE)));
        });
        when(users.getUserById(eq(realm), any())).thenAnswer(call -> people.stream()
                .filter(p -> p.model.getId().equals(call.getArgument(1))).map(p -> p.model).findFirst().orElse(null));
        when(users.searchForUserByUserAttributeStream(eq(realm), eq(NATIONAL_ID), any()))
                .thenAnswer(call -> people.stream().map(p -> p.model)
                        .filter(p -> call.getArgument(2).equals(p.getFirstAttribute(NATIONAL_ID))));
        when(sessions.getUserSession(eq(realm), any())).thenAnswer(call -> logins.get(call.<String>getArgument(1)));
    }

    private GroupModel group(String name, String code, GroupModel parent) {
        GroupModel group = mock(GroupModel.class);
        when(group.getName()).thenReturn(name);
        when(group.getParent()).thenReturn(parent);
        when(group.getFirstAttribute(AGENCY_CODE)).thenReturn(code);
        when(group.getSubGroupsStream()).thenAnswer(call -> agencies.values().stream().filter(g -> g.getParent() == group));
        if (code != null) {
            agencies.put(code, group);
        }
        return group;
    }

    /** A serving, enabled person of {@code agency} with no role. */
    Person person(String agency) {
        Person person = new Person(people.size() + 1, agency);
        people.add(person);
        return person;
    }

    /** The personnel chief of {@link #AGENCY}. */
    Person chief() {
        return person(AGENCY).holding(Caller.ROLE_CHIEF);
    }

    /** An officer of {@link #AGENCY} whom {@code chief} authorised to reset, handling {@code concurrent} too. */
    Person authorisedOfficer(Person chief, String... concurrent) {
        Person officer = person(AGENCY).holding(Caller.ROLE_OFFICER);
        OfficerGrants.write(officer.model, true, List.of(concurrent), chief.model);
        return officer;
    }

    /** The admin request of {@code person}'s token, with the token's {@code acr}, in a login with these notes. */
    AdminAuth request(Person person, String acr, Map<String, String> userSessionNotes) {
        AccessToken token = new AccessToken();
        token.setAcr(acr);
        String sessionId = "login-" + person.model.getId();
        token.setSessionId(sessionId);
        logins.put(sessionId, login(userSessionNotes));
        return new AdminAuth(realm, token, person.model, null);
    }

    AdminAuth passwordLogin(Person person) {
        return request(person, "password", Map.of());
    }

    AdminAuth certificateLogin(Person person) {
        return request(person, Caller.CERTIFICATE_ACR, Map.of());
    }

    /** A user session that holds {@code notes}. */
    static UserSessionModel login(Map<String, String> notes) {
        UserSessionModel login = mock(UserSessionModel.class);
        when(login.getNote(anyString())).thenAnswer(call -> notes.get(call.<String>getArgument(0)));
        return login;
    }

    Caller callerOf(AdminAuth request) {
        return Caller.of(session, realm, request, PersonnelSettings.DEFAULTS);
    }

    /** A personnel record as Keycloak's user model shows it; the setters write through, as the real one does. */
    final class Person {

        final UserModel model = mock(UserModel.class);
        private final Map<String, List<String>> attributes = new HashMap<>();
        private final Set<RoleModel> held = new HashSet<>();
        private boolean enabled = true;

        private Person(int number, String agency) {
            String id = "user-" + number;
            when(model.getId()).thenReturn(id);
            when(model.isEnabled()).thenAnswer(call -> enabled);
            when(model.getFirstAttribute(anyString())).thenAnswer(call -> {
                List<String> values = attributes.get(call.<String>getArgument(0));
                return values == null || values.isEmpty() ? null : values.get(0);
            });
            when(model.getAttributeStream(anyString()))
                    .thenAnswer(call -> attributes.getOrDefault(call.<String>getArgument(0), List.of()).stream());
            doAnswer(call -> attributes.put(call.getArgument(0), List.of(call.<String>getArgument(1))))
                    .when(model).setSingleAttribute(anyString(), anyString());
            doAnswer(call -> attributes.put(call.getArgument(0), List.copyOf(call.<List<String>>getArgument(1))))
                    .when(model).setAttribute(anyString(), anyList());
            doAnswer(call -> attributes.remove(call.<String>getArgument(0))).when(model).removeAttribute(anyString());
            when(model.hasRole(any())).thenAnswer(call -> held.contains(call.<RoleModel>getArgument(0)));
            when(model.getRealmRoleMappingsStream()).thenAnswer(call -> held.stream().filter(role -> role != manageUsers));
            attributes.put(AGENCY_CODE, List.of(agency));
            attributes.put(NATIONAL_ID, List.of(PersonnelRealm.nationalId(number)));
        }

        Person holding(String roleName) {
            held.add(roles.get(roleName));
            return this;
        }

        /** An administrator of the realm: a {@code realm-management} role. */
        Person administrator() {
            held.add(manageUsers);
            return this;
        }

        /** A realm role the operator made a composite of realm-management roles ("admins"). */
        Person inAdminsRole() {
            RoleModel admins = mock(RoleModel.class);
            when(admins.isComposite()).thenReturn(true);
            when(admins.hasRole(manageUsers)).thenReturn(true);
            held.add(admins);
            return this;
        }

        Person departed() {
            attributes.put(EMPLOYMENT_STATUS, List.of(DEPARTED));
            return this;
        }

        Person disabled() {
            enabled = false;
            return this;
        }

        Person lockedOut() {
            when(protector.isTemporarilyDisabled(session, realm, model)).thenReturn(true);
            return this;
        }

        /** Moves to another agency, as the personnel import does. */
        Person movedTo(String agency) {
            attributes.put(AGENCY_CODE, List.of(agency));
            return this;
        }

        NationalId nationalId() {
            return NationalId.of(model.getFirstAttribute(NATIONAL_ID));
        }
    }

    /** A valid citizen ID, A1 and seven digits, its check digit computed as the ID's checksum asks. */
    static String nationalId(int number) {
        String digits = "1" + String.format("%07d", number);
        int sum = 1 + 0 * 9; // the letter A counts as 10: 1 × 1 + 0 × 9
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * (8 - i);
        }
        String id = "A" + digits + (10 - sum % 10) % 10;
        if (!NationalId.isValid(id)) {
            throw new IllegalStateException(id + " is no national ID");
        }
        return id;
    }
}

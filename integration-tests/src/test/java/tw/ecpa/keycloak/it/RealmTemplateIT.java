package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class RealmTemplateIT extends EcpaIntegrationTest {

    private static final List<String> PERSONNEL_ATTRIBUTES = List.of("nationalId", "employmentStatus", "agencyCode", "birthDate");

    @InjectWebDriver
    ManagedWebDriver browser;

    private UserResource user;

    @AfterEach
    void removeThePasswordAgain() {
        if (user != null) {
            user.credentials().forEach(c -> user.removeCredential(c.getId()));
        }
    }

    @Test
    void theRealmSpeaksTraditionalChineseFirstAndEnglishToo() {
        RealmRepresentation ecpa = realm.admin().toRepresentation();

        assertThat(ecpa.getDefaultLocale()).isEqualTo("zh-Hant");
        assertThat(ecpa.getSupportedLocales()).containsExactlyInAnyOrder("zh-Hant", "en");
        assertThat(ecpa.isInternationalizationEnabled()).isTrue();
        assertThat(ecpa.getLoginTheme()).isEqualTo("ecpa");
        assertThat(ecpa.getAccountTheme()).isEqualTo("ecpa");
        assertThat(ecpa.getEmailTheme()).isEqualTo("ecpa");
    }

    @Test
    void bruteForceDetectionAndLoginAndAdminEventsAreOn() {
        RealmRepresentation ecpa = realm.admin().toRepresentation();

        assertThat(ecpa.isBruteForceProtected()).isTrue();
        assertThat(ecpa.isEventsEnabled()).isTrue();
        assertThat(ecpa.isAdminEventsEnabled()).isTrue();
        assertThat(ecpa.isAdminEventsDetailsEnabled())
                .as("no stored representation: Keycloak's would keep a user's national ID and birth date").isFalse();
        assertThat(ecpa.getAttributes()).as("admin events expire, like login events").containsEntry("adminEventsExpiration", "15552000");
    }

    @Test
    void thePersonnelAttributesAreInTheUserProfileAndOnlyAdministratorsEditThem() {
        UPConfig profile = realm.admin().users().userProfile().getConfiguration();

        for (String name : PERSONNEL_ATTRIBUTES) {
            UPAttribute attribute = profile.getAttribute(name);
            assertThat(attribute).as(name).isNotNull();
            assertThat(attribute.getPermissions().getEdit()).as("who edits " + name).containsExactly("admin");
        }
        assertThat(profile.getAttribute("nationalId").getValidations()).containsKey("ecpa-national-id");
        assertThat(profile.getAttribute("birthDate").getPermissions().getView())
                .as("the birthday proves identity after a reset, so the person's own session never reads it")
                .containsExactly("admin");
    }

    @Test
    void agenciesAreAGroupHierarchyWithAgencyCodes() {
        GroupRepresentation agencies = realm.admin().getGroupByPath("/agencies/示範部");
        List<GroupRepresentation> children = realm.admin().groups().group(agencies.getId()).getSubGroups(0, 10, false);

        assertThat(agencies.getAttributes().get("agencyCode")).containsExactly("X10000000A");
        assertThat(children).extracting(GroupRepresentation::getName).containsExactlyInAnyOrder("示範部第一署", "示範部第二署");
    }

    @Test
    void nobodyHasADefaultPassword() {
        long withPassword = realm.admin().users().list(0, 1000).stream()
                .filter(u -> !realm.admin().users().get(u.getId()).credentials().isEmpty())
                .count();

        assertThat(withPassword).isZero();
    }

    @Test
    void aUserCannotChangeTheirOwnNationalIdThroughTheAccountApi() throws Exception {
        user = userByNationalId(DemoUsers.SET_UP_NATIONAL_ID);
        String password = DemoUsers.givePassword(user);
        // The application stays registered while its token is used: removing a client ends its sessions.
        try (OidcCodeFlow app = new OidcCodeFlow(realm.getBaseUrl(), realm.admin())) {
            String accessToken = app.login(browser.driver(), page -> new EcpaPages(page, realm.getBaseUrl()).logIn(DemoUsers.SET_UP_ACCOUNT, password)).response().path("access_token").asText();
            assertTheNationalIdCannotBeChangedWith(accessToken);
        }
        assertThat(user.toRepresentation().getAttributes().get("nationalId")).containsExactly(DemoUsers.SET_UP_NATIONAL_ID);
    }

    private void assertTheNationalIdCannotBeChangedWith(String accessToken) throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        String account = realm.getBaseUrl() + "/account/";
        HttpResponse<String> mine = http.send(HttpRequest.newBuilder(URI.create(account))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        ObjectNode changed = (ObjectNode) json.readTree(mine.body());
        changed.withObject("attributes").putArray("nationalId").add("A123456789");

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(account))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(changed))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(json.readTree(answer.body()).toString()).contains("nationalId");
    }

    // --- client scopes and levels of authentication (certificate login, issue 4) ---

    /**
     * The template declares client scopes, and then Keycloak's import creates none of its own: so it
     * must carry every built-in scope a realm made by Keycloak has, with the same mappers and the same
     * default / optional assignment, and ours besides.
     */
    /**
     * The one built-in mapper the template replaces on purpose: {@code name} as the portal writes names
     * (林建宏), where Keycloak's full-name mapper writes 「建宏 林」.
     */
    private static String asTheTemplateWritesIt(String mapper) {
        return "full name (oidc-full-name-mapper)".equals(mapper) ? "full name (ecpa-person-name)" : mapper;
    }

    @Test
    void keycloaksBuiltInClientScopesAreThereAsInARealmKeycloakMakesAndOursBesides() {
        String probe = "it-fresh-" + UUID.randomUUID().toString().substring(0, 8);
        RealmRepresentation fresh = new RealmRepresentation();
        fresh.setRealm(probe);
        fresh.setEnabled(false);
        admin.realms().create(fresh);
        try {
            RealmResource keycloaks = admin.realm(probe);
            Map<String, ClientScopeRepresentation> ours = realm.admin().clientScopes().findAll()
                    .stream().collect(Collectors.toMap(ClientScopeRepresentation::getName, s -> s));
            for (ClientScopeRepresentation builtIn : keycloaks.clientScopes().findAll()) {
                assertThat(ours).as("client scope %s", builtIn.getName()).containsKey(builtIn.getName());
                ClientScopeRepresentation mine = ours.get(builtIn.getName());
                assertThat(mine.getProtocol()).isEqualTo(builtIn.getProtocol());
                assertThat(mapperNames(mine)).as("mappers of %s", builtIn.getName()).isEqualTo(mapperNames(builtIn).stream()
                        .map(RealmTemplateIT::asTheTemplateWritesIt).collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
            }
            assertThat(scopeNames(realm.admin().getDefaultDefaultClientScopes()))
                    .containsAll(scopeNames(keycloaks.getDefaultDefaultClientScopes())).contains("ecpa-login")
                    .doesNotContain("ecpa-national-id");
            assertThat(scopeNames(realm.admin().getDefaultOptionalClientScopes()))
                    .as("the national ID is opt-in per client, by an operator: never a realm default")
                    .containsAll(scopeNames(keycloaks.getDefaultOptionalClientScopes())).doesNotContain("ecpa-national-id");
        } finally {
            admin.realm(probe).remove();
        }
    }

    /**
     * Importing a realm file with client scopes leaves Keycloak's built-in clients without any (the account
     * console then fails every call): each built-in client must have the scopes it has in a realm Keycloak
     * makes, plus the template's realm default {@code ecpa-login}.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"account", "account-console", "admin-cli", "broker",
            "realm-management", "security-admin-console"})
    void eachBuiltInClientHasTheScopesOfARealmKeycloakMakes(String clientId) {
        String probe = "it-fresh-" + UUID.randomUUID().toString().substring(0, 8);
        RealmRepresentation fresh = new RealmRepresentation();
        fresh.setRealm(probe);
        fresh.setEnabled(false);
        admin.realms().create(fresh);
        try {
            var keycloaks = clientOf(admin.realm(probe), clientId);
            var ours = clientOf(realm.admin(), clientId);
            List<String> expectedDefaults = new java.util.ArrayList<>(scopeNames(keycloaks.getDefaultClientScopes()));
            expectedDefaults.add("ecpa-login");
            assertThat(scopeNames(ours.getDefaultClientScopes())).as("default scopes of %s", clientId)
                    .containsExactlyInAnyOrderElementsOf(expectedDefaults);
            assertThat(scopeNames(ours.getOptionalClientScopes())).as("optional scopes of %s", clientId)
                    .containsExactlyInAnyOrderElementsOf(scopeNames(keycloaks.getOptionalClientScopes()));
        } finally {
            admin.realm(probe).remove();
        }
    }

    private static org.keycloak.admin.client.resource.ClientResource clientOf(RealmResource realm, String clientId) {
        return realm.clients().get(realm.clients().findByClientId(clientId).get(0).getId());
    }

    @Test
    void theLevelsOfAuthenticationAreNamedPasswordAndCertificate() {
        assertThat(realm.admin().toRepresentation().getAttributes())
                .containsEntry("acr.loa.map", "{\"password\":1,\"certificate\":2}");
    }

    @Test
    void theCertificateSettingsAreOneConfigurationOnTheHomeStepAndTheStepUpHasNoneOfItsOwn() {
        Map<String, String> configByStep = realm.admin().flows().getExecutions("ecpa browser forms").stream()
                .filter(e -> e.getProviderId() != null)
                .collect(Collectors.toMap(AuthenticationExecutionInfoRepresentation::getProviderId,
                        e -> e.getAuthenticationConfig() == null ? "(none)" : realm.admin().flows().getAuthenticatorConfig(e.getAuthenticationConfig()).getAlias(),
                        (a, b) -> a + ", " + b));

        assertThat(configByStep).containsEntry("ecpa-home", "ecpa-certificate").containsEntry("ecpa-certificate", "(none)");
        AuthenticationExecutionInfoRepresentation home = realm.admin().flows().getExecutions("ecpa browser forms").stream()
                .filter(e -> "ecpa-home".equals(e.getProviderId())).findFirst().orElseThrow();
        Map<String, String> certificates = realm.admin().flows().getAuthenticatorConfig(home.getAuthenticationConfig()).getConfig();
        assertThat(certificates).containsEntry("ecpa.certificate.revocationMode", "BOTH");
        assertThat(certificates.getOrDefault("ecpa.certificate.trustAnchors", ""))
                .as("the template trusts no root until the operator puts one there").isEmpty();
    }

    private static Set<String> mapperNames(ClientScopeRepresentation scope) {
        return scope.getProtocolMappers() == null ? Set.of() : scope.getProtocolMappers().stream()
                .map(m -> m.getName() + " (" + m.getProtocolMapper() + ")").collect(Collectors.toSet());
    }

    private static List<String> scopeNames(List<ClientScopeRepresentation> scopes) {
        return scopes.stream().map(ClientScopeRepresentation::getName).toList();
    }
}

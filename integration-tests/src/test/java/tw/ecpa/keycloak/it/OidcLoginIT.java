package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

@KeycloakIntegrationTest(config = EcpaServerConfig.class)
class OidcLoginIT extends EcpaIntegrationTest {

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
    void aDemoUserSignsInThroughTheAuthorizationCodeFlowWithPkce() {
        user = userByNationalId(DemoUsers.SET_UP_NATIONAL_ID);
        String password = DemoUsers.givePassword(user);

        OidcCodeFlow.Tokens tokens;
        try (OidcCodeFlow app = new OidcCodeFlow(realm.getBaseUrl(), realm.admin())) {
            tokens = app.login(browser.driver(), page -> new EcpaPages(page, realm.getBaseUrl()).logIn(DemoUsers.SET_UP_ACCOUNT, password));
        }

        assertThat(tokens.idToken().path("iss").asText()).isEqualTo(realm.getBaseUrl());
        assertThat(tokens.idToken().path("sub").asText()).isEqualTo(user.toRepresentation().getId());
        assertThat(tokens.idToken().path("preferred_username").asText()).isEqualTo(DemoUsers.SET_UP_ACCOUNT);
        assertThat(tokens.idToken().toString())
                .as("the national ID stays out of tokens unless a client opts in")
                .doesNotContain(DemoUsers.SET_UP_NATIONAL_ID);
        assertThat(tokens.accessToken().toString()).doesNotContain(DemoUsers.SET_UP_NATIONAL_ID);
        // what the template's default client scopes tell every app (certificate login, issue 4)
        assertThat(tokens.idToken().path("acr").asText()).isEqualTo("password");
        assertThat(tokens.idToken().path("amr").toString()).isEqualTo("[\"pwd\"]");
        assertThat(tokens.idToken().path("custom_account").asText()).isEqualTo(DemoUsers.SET_UP_ACCOUNT);
    }
}

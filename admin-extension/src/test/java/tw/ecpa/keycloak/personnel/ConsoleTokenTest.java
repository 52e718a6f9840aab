package tw.ecpa.keycloak.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;

/** The personnel API takes a token only when the personnel console was its client: azp and audience. */
class ConsoleTokenTest {

    private final RealmModel realm = mock(RealmModel.class);

    private static AccessToken token(String issuedFor, String... audience) {
        AccessToken token = new AccessToken();
        token.issuedFor(issuedFor);
        if (audience.length > 0) {
            token.audience(audience);
        }
        return token;
    }

    private boolean accepted(AccessToken token) {
        return ConsoleToken.accepted(realm, new AdminAuth(realm, token, null, null));
    }

    @Test
    void theConsolesOwnTokenIsAccepted() {
        assertThat(accepted(token(ConsoleToken.CLIENT_ID, ConsoleToken.CLIENT_ID))).isTrue();
        assertThat(accepted(token(ConsoleToken.CLIENT_ID, "account", ConsoleToken.CLIENT_ID))).isTrue();
    }

    @Test
    void aRelyingApplicationsTokenIsRefusedEvenWhenItNamesTheConsoleAsAudience() {
        assertThat(accepted(token("relying-app", ConsoleToken.CLIENT_ID))).isFalse();
        assertThat(accepted(token("admin-cli", ConsoleToken.CLIENT_ID))).isFalse();
    }

    @Test
    void aConsoleTokenWithoutTheConsoleAudienceIsRefused() {
        assertThat(accepted(token(ConsoleToken.CLIENT_ID))).isFalse();
        assertThat(accepted(token(ConsoleToken.CLIENT_ID, "account"))).isFalse();
    }

    @Test
    void aTokenOfAnotherRealmOrNoTokenIsRefused() {
        AccessToken console = token(ConsoleToken.CLIENT_ID, ConsoleToken.CLIENT_ID);
        assertThat(ConsoleToken.accepted(realm, new AdminAuth(mock(RealmModel.class), console, null, null))).isFalse();
        assertThat(ConsoleToken.accepted(realm, new AdminAuth(realm, null, null, null))).isFalse();
    }
}

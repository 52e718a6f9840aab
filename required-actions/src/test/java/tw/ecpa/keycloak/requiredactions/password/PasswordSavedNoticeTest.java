package tw.ecpa.keycloak.requiredactions.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.Constants;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** When 操作成功 follows: Keycloak evaluates the trigger before each step of the required actions. */
class PasswordSavedNoticeTest {

    private final PasswordSavedNotice notice = new PasswordSavedNotice();
    private final Login login = new Login();

    @Nested
    class GivenAFirstLoginWithThePasswordPageOnThePerson {

        @Test
        void thenSavingAPasswordWhereThereWasNoneBringsTheNotice() {
            login.userActions.add("UPDATE_PASSWORD");
            notice.evaluateTriggers(login.context());

            login.userActions.remove("UPDATE_PASSWORD");
            login.password = password("p1", 1000L);
            notice.evaluateTriggers(login.context());

            assertThat(login.sessionActions).containsExactly(PasswordSavedNoticeFactory.PROVIDER_ID);
        }

        @Test
        void thenNothingIsShownWhileThePasswordPageIsStillAhead() {
            login.userActions.add("UPDATE_PASSWORD");
            notice.evaluateTriggers(login.context());
            notice.evaluateTriggers(login.context());

            assertThat(login.sessionActions).isEmpty();
        }
    }

    @Nested
    class GivenAPasswordChangeThePersonAskedFor {

        @Test
        void thenCancellingItShowsNothing() {
            login.password = password("p1", 1000L);
            login.clientNotes.put(Constants.KC_ACTION, "UPDATE_PASSWORD");
            notice.evaluateTriggers(login.context());

            login.clientNotes.remove(Constants.KC_ACTION);
            notice.evaluateTriggers(login.context());

            assertThat(login.sessionActions).isEmpty();
            assertThat(login.authNotes).doesNotContainKey(PasswordSavedNotice.BEFORE_NOTE);
        }

        @Test
        void thenSavingTheNewPasswordBringsTheNoticeAlthoughTheCredentialKeepsItsId() {
            login.password = password("p1", 1000L);
            login.clientNotes.put(Constants.KC_ACTION, "UPDATE_PASSWORD");
            notice.evaluateTriggers(login.context());

            login.clientNotes.remove(Constants.KC_ACTION);
            login.password = password("p1", 2000L);
            notice.evaluateTriggers(login.context());

            assertThat(login.sessionActions).containsExactly(PasswordSavedNoticeFactory.PROVIDER_ID);
        }
    }

    @Nested
    class GivenTheBirthdayStepAfterAReset {

        @Test
        void thenTheNewPasswordBringsTheNotice() {
            login.password = password("p1", 1000L);
            login.userActions.add(PasswordSavedNotice.BIRTHDAY_PASSWORD);
            notice.evaluateTriggers(login.context());

            login.userActions.remove(PasswordSavedNotice.BIRTHDAY_PASSWORD);
            login.password = password("p1", 3000L);
            notice.evaluateTriggers(login.context());

            assertThat(login.sessionActions).containsExactly(PasswordSavedNoticeFactory.PROVIDER_ID);
        }
    }

    @Nested
    class GivenALoginWithoutAPasswordStep {

        @Test
        void thenNothingIsNotedAndNothingShown() {
            login.password = password("p1", 1000L);
            notice.evaluateTriggers(login.context());

            assertThat(login.authNotes).isEmpty();
            assertThat(login.sessionActions).isEmpty();
        }
    }

    private static CredentialModel password(String id, long createdDate) {
        CredentialModel model = new CredentialModel();
        model.setId(id);
        model.setType("password");
        model.setCreatedDate(createdDate);
        return model;
    }

    /** One login's state as the trigger sees it: notes, required actions of the person and the login, the stored password. */
    private static final class Login {

        final Map<String, String> authNotes = new HashMap<>();
        final Map<String, String> clientNotes = new HashMap<>();
        final Set<String> sessionActions = new LinkedHashSet<>();
        final Set<String> userActions = new LinkedHashSet<>();
        CredentialModel password;

        RequiredActionContext context() {
            AuthenticationSessionModel session = proxy(AuthenticationSessionModel.class, (name, args) -> switch (name) {
                case "getAuthNote" -> authNotes.get((String) args[0]);
                case "setAuthNote" -> authNotes.put((String) args[0], (String) args[1]);
                case "removeAuthNote" -> authNotes.remove((String) args[0]);
                case "getClientNote" -> clientNotes.get((String) args[0]);
                case "getRequiredActions" -> Set.copyOf(sessionActions);
                case "addRequiredAction" -> sessionActions.add(String.valueOf(args[0]));
                default -> throw new UnsupportedOperationException(name);
            });
            SubjectCredentialManager credentials = proxy(SubjectCredentialManager.class, (name, args) -> switch (name) {
                case "getStoredCredentialsByTypeStream" -> "password".equals(args[0]) && password != null ? Stream.of(password) : Stream.empty();
                default -> throw new UnsupportedOperationException(name);
            });
            UserModel user = proxy(UserModel.class, (name, args) -> switch (name) {
                case "getRequiredActionsStream" -> Set.copyOf(userActions).stream();
                case "credentialManager" -> credentials;
                default -> throw new UnsupportedOperationException(name);
            });
            return proxy(RequiredActionContext.class, (name, args) -> switch (name) {
                case "getAuthenticationSession" -> session;
                case "getUser" -> user;
                default -> throw new UnsupportedOperationException(name);
            });
        }

        private interface Answer {
            Object answer(String method, Object[] args);
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, Answer answer) {
            return (T) Proxy.newProxyInstance(PasswordSavedNoticeTest.class.getClassLoader(), new Class<?>[] {type},
                    (self, method, args) -> answer.answer(method.getName(), args));
        }
    }
}

package tw.ecpa.keycloak.authenticators.certificate;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.keycloak.sessions.AuthenticationSessionModel;

/** An authentication session that holds auth notes in a map, for the parts that only read and write notes. */
final class AuthNotes {

    private AuthNotes() {
    }

    static AuthenticationSessionModel session() {
        Map<String, String> notes = new HashMap<>();
        return (AuthenticationSessionModel) Proxy.newProxyInstance(AuthNotes.class.getClassLoader(),
                new Class<?>[] {AuthenticationSessionModel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setAuthNote" -> notes.put((String) args[0], (String) args[1]);
                    case "getAuthNote" -> notes.get((String) args[0]);
                    case "removeAuthNote" -> notes.remove((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}

package tw.ecpa.keycloak.holder;

import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;

/**
 * The realm's chain of holder verifiers, in the configured order. Every verifier must say MATCH; the
 * first other answer ends the chain and is the answer, so an unavailable service binds nothing.
 */
public final class HolderVerifiers {

    private final List<String> ids;

    public HolderVerifiers(List<String> ids) {
        this.ids = List.copyOf(ids);
    }

    public HolderCheck check(KeycloakSession session, HolderCheckRequest request, Map<String, String> config) {
        if (ids.isEmpty()) {
            return HolderCheck.UNAVAILABLE;
        }
        for (String id : ids) {
            HolderVerifier verifier = session.getProvider(HolderVerifier.class, id);
            HolderCheck answer = verifier == null ? HolderCheck.UNAVAILABLE : verifier.check(request, config);
            if (answer != HolderCheck.MATCH) {
                return answer;
            }
        }
        return HolderCheck.MATCH;
    }
}

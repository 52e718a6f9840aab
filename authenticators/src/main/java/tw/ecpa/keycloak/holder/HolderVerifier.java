package tw.ecpa.keycloak.holder;

import java.util.Map;

import org.keycloak.provider.Provider;

/**
 * Proves that a national ID belongs to the holder of a citizen certificate, as the guide's first
 * certificate login asks the certificate authority to. Implementations are chosen per realm in the
 * binding step's configuration, which is also where their settings live ({@code config}).
 */
public interface HolderVerifier extends Provider {

    HolderCheck check(HolderCheckRequest request, Map<String, String> config);

    @Override
    default void close() {
    }
}

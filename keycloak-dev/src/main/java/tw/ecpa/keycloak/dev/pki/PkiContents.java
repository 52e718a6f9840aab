package tw.ecpa.keycloak.dev.pki;

import java.util.List;
import java.util.Map;

/** The authorities and cards of one generation of the test PKI, before or after a trip to disk. */
record PkiContents(Map<TestAuthority, CertificateAuthority> authorities, List<IssuedCard> cards) {

    PkiContents {
        authorities = Map.copyOf(authorities);
        cards = List.copyOf(cards);
    }
}

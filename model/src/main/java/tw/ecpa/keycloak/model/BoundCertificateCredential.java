package tw.ecpa.keycloak.model;

/**
 * A citizen card bound to a personnel record is a Keycloak credential of type {@value #TYPE}; the
 * authenticators module owns its credential provider, and the console only asks whether one exists.
 */
public final class BoundCertificateCredential {

    public static final String TYPE = "ecpa-certificate";

    private BoundCertificateCredential() {
    }
}

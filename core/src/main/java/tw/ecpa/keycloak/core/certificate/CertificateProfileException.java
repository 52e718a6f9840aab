package tw.ecpa.keycloak.core.certificate;

/** The certificate is neither a MOICA citizen certificate nor a GCA agency certificate as we know them. */
public final class CertificateProfileException extends Exception {

    public CertificateProfileException(String message) {
        super(message);
    }

    public CertificateProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}

package tw.ecpa.keycloak.dev.pki;

import java.net.URI;

/**
 * The paths of the revocation services, shared by the certificates that point at them and the services
 * that answer there.
 */
public final class RevocationEndpoints {

    /** {@code GET /crl/<authority>.crl}: the DER CRL of one CA. */
    public static final String CRL_PREFIX = "/crl/";
    public static final String CRL_SUFFIX = ".crl";
    /** {@code POST /ocsp} (and RFC 6960's {@code GET /ocsp/<base64>}). */
    public static final String OCSP = "/ocsp";
    /** {@code GET /ca/<authority>.crt}: the DER certificate of one CA (AIA caIssuers). */
    public static final String CA_PREFIX = "/ca/";
    public static final String CA_SUFFIX = ".crt";

    private RevocationEndpoints() {
    }

    public static URI crl(URI base, TestAuthority authority) {
        return resolve(base, CRL_PREFIX + authority.authorityName() + CRL_SUFFIX);
    }

    public static URI ocsp(URI base) {
        return resolve(base, OCSP);
    }

    public static URI authorityCertificate(URI base, TestAuthority authority) {
        return resolve(base, CA_PREFIX + authority.authorityName() + CA_SUFFIX);
    }

    private static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }
}

package tw.ecpa.keycloak.dev.pki;

import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The certificate authorities of the test PKI. The issuing CAs carry MOICA's and GCA's exact issuer DNs,
 * so that the server's profile rules see what they see in production; the roots say TEST in their DN, so
 * that nobody mistakes them for GRCA. The untrusted pair copies MOICA's DN under a root that no
 * configuration trusts: the "untrusted issuer" case, which a DN comparison alone would accept. The
 * revoked citizen CA is a second MOICA under the trusted root (as MOICA's generations share one DN) whose
 * certificate the root has revoked: its cards chain, and must still be refused.
 */
public enum TestAuthority {

    ROOT("test-grca", null,
            name("ECPA Keycloak TEST", null, "TEST Government Root Certification Authority")),
    CITIZEN_CA("test-moica", ROOT, name("行政院", "內政部憑證管理中心", null)),
    AGENCY_CA("test-gca", ROOT, name("行政院", "政府憑證管理中心", null)),
    UNTRUSTED_ROOT("untrusted-root", null,
            name("ECPA Keycloak TEST", null, "TEST Untrusted Root Certification Authority")),
    UNTRUSTED_CITIZEN_CA("untrusted-moica", UNTRUSTED_ROOT, name("行政院", "內政部憑證管理中心", null)),
    /** Revoked by {@link #ROOT} from the start (see the revocation services). */
    REVOKED_CITIZEN_CA("test-moica-revoked", ROOT, name("行政院", "內政部憑證管理中心", null));

    private final String authorityName;
    private final TestAuthority parent;
    private final X500Name subject;

    TestAuthority(String authorityName, TestAuthority parent, X500Name subject) {
        this.authorityName = authorityName;
        this.parent = parent;
        this.subject = subject;
    }

    /** The short name used in file names and in the CRL URL ({@code /crl/test-moica.crl}). */
    public String authorityName() {
        return authorityName;
    }

    /** The CA that signed this one; empty for a root. */
    public Optional<TestAuthority> parent() {
        return Optional.ofNullable(parent);
    }

    /** Whether the certificates below this CA chain to the test trust anchor {@link #ROOT}. */
    public boolean trusted() {
        return this == ROOT || parent == ROOT;
    }

    X500Name subject() {
        return subject;
    }

    /** {@code C=TW, O=..., OU=..., CN=...} in that order, the order MOICA and GCA encode. */
    private static X500Name name(String organisation, String unit, String commonName) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "TW")
                .addRDN(BCStyle.O, organisation);
        if (unit != null) {
            builder.addRDN(BCStyle.OU, unit);
        }
        if (commonName != null) {
            builder.addRDN(BCStyle.CN, commonName);
        }
        return builder.build();
    }
}

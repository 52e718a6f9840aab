package tw.ecpa.keycloak.dev.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

/** One CA of the test PKI: its certificate, its key (it signs certificates, CRLs and OCSP answers) and its parent. */
public final class CertificateAuthority {

    private final TestAuthority role;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final CertificateAuthority parent;

    CertificateAuthority(TestAuthority role, X509Certificate certificate, PrivateKey privateKey,
                         CertificateAuthority parent) {
        this.role = role;
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.parent = parent;
    }

    public TestAuthority role() {
        return role;
    }

    public String name() {
        return role.authorityName();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public X500Principal subject() {
        return certificate.getSubjectX500Principal();
    }

    /** The CA's signing key. Test PKI only: it lives unencrypted in the PKI directory. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    public Optional<CertificateAuthority> parent() {
        return Optional.ofNullable(parent);
    }

    /** This CA's certificate followed by its parents' up to the root. */
    public List<X509Certificate> chain() {
        List<X509Certificate> chain = new ArrayList<>();
        for (CertificateAuthority ca = this; ca != null; ca = ca.parent) {
            chain.add(ca.certificate);
        }
        return List.copyOf(chain);
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + name() + ", " + subject().getName() + "]";
    }
}

package tw.ecpa.keycloak.authenticators.binding;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;


/**
 * Card certificates bound to personnel records. The credential ({@link BoundCertificateCredentialModel})
 * is the binding; the user attribute {@value #INDEX_ATTRIBUTE} only indexes it so that a login can find
 * the person by certificate with one query. An index entry without its credential (an administrator
 * removed the credential) binds nothing.
 */
public final class BoundCertificates {

    /** Multi-valued, one {@link CertificateKey} per bound certificate; unmanaged, so only admins see it and nobody edits it. */
    public static final String INDEX_ATTRIBUTE = "ecpaCertificate";

    private final KeycloakSession session;
    private final RealmModel realm;

    public BoundCertificates(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The person the certificate is bound to, if anyone. */
    public Optional<UserModel> holderOf(X509Certificate certificate) {
        CertificateKey key = CertificateKey.of(certificate);
        List<UserModel> candidates = session.users()
                .searchForUserByUserAttributeStream(realm, INDEX_ATTRIBUTE, key.value())
                .limit(2)
                .filter(user -> credentialFor(user, key).isPresent())
                .toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** Binds the certificate to {@code user}; the caller has made sure it is bound to nobody else. */
    public void bind(UserModel user, X509Certificate certificate, Instant now) {
        if (credentialFor(user, CertificateKey.of(certificate)).isPresent()) {
            return;
        }
        BoundCertificateData data = new BoundCertificateData(
                certificate.getIssuerX500Principal().getName(),
                certificate.getSerialNumber().toString(16),
                certificate.getSubjectX500Principal().getName(),
                certificate.getNotBefore().getTime(),
                certificate.getNotAfter().getTime(),
                now.toEpochMilli(),
                null);
        user.credentialManager().createStoredCredential(BoundCertificateCredentialModel.create(data, BoundCertificateLabel.of(data)));
        reindex(user);
    }

    /**
     * The index as the person's bound cards say: Keycloak's own removal (account console, admin console)
     * deletes the credential without asking our provider, so entries of removed cards are dropped here.
     */
    private static void reindex(UserModel user) {
        List<String> keys = user.credentialManager().getStoredCredentialsByTypeStream(BoundCertificateCredentialModel.TYPE)
                .map(stored -> BoundCertificateCredentialModel.of(stored).data())
                .map(data -> CertificateKey.of(data.issuerDn(), data.serialNumber()).value())
                .distinct().collect(Collectors.toList());
        user.setAttribute(INDEX_ATTRIBUTE, keys);
    }

    /** Whether the person has any card bound (the personnel console shows this, never which card). */
    public static boolean hasAny(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(BoundCertificateCredentialModel.TYPE).findAny().isPresent();
    }

    /** Remembers that the bound certificate has just logged {@code user} in, for the "last used" the person sees. */
    public void recordUse(UserModel user, X509Certificate certificate, Instant now) {
        credentialFor(user, CertificateKey.of(certificate)).ifPresent(stored -> {
            BoundCertificateCredentialModel bound = BoundCertificateCredentialModel.of(stored);
            BoundCertificateCredentialModel used = BoundCertificateCredentialModel.create(bound.data().usedAt(now.toEpochMilli()), stored.getUserLabel());
            used.setId(stored.getId());
            used.setCreatedDate(stored.getCreatedDate());
            user.credentialManager().updateStoredCredential(used);
        });
    }

    private static Optional<CredentialModel> credentialFor(UserModel user, CertificateKey key) {
        return user.credentialManager().getStoredCredentialsByTypeStream(BoundCertificateCredentialModel.TYPE)
                .filter(stored -> {
                    BoundCertificateData data = BoundCertificateCredentialModel.of(stored).data();
                    return CertificateKey.of(data.issuerDn(), data.serialNumber()).equals(key);
                })
                .findFirst();
    }

    static void addIndex(UserModel user, CertificateKey key) {
        List<String> values = Stream.concat(user.getAttributeStream(INDEX_ATTRIBUTE), Stream.of(key.value()))
                .distinct().collect(Collectors.toList());
        user.setAttribute(INDEX_ATTRIBUTE, values);
    }

    static void removeIndex(UserModel user, CertificateKey key) {
        List<String> values = user.getAttributeStream(INDEX_ATTRIBUTE).filter(v -> !v.equals(key.value())).collect(Collectors.toList());
        if (values.isEmpty()) {
            user.removeAttribute(INDEX_ATTRIBUTE);
        } else {
            user.setAttribute(INDEX_ATTRIBUTE, values);
        }
    }
}

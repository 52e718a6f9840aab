package tw.ecpa.keycloak.authenticators.binding;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Stores bound card certificates as credentials and keeps the look-up attribute in step with them.
 * Bindings are made only by the binding step of a certificate login; a person or an administrator may
 * remove one (the account console's sign-in list, the admin console's credentials tab).
 */
final class BoundCertificateCredentialProvider implements CredentialProvider<BoundCertificateCredentialModel> {

    private final KeycloakSession session;

    BoundCertificateCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return BoundCertificateCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, BoundCertificateCredentialModel credential) {
        CredentialModel stored = user.credentialManager().createStoredCredential(credential);
        BoundCertificateData data = credential.data();
        BoundCertificates.addIndex(user, CertificateKey.of(data.issuerDn(), data.serialNumber()));
        return stored;
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        CredentialModel stored = user.credentialManager().getStoredCredentialById(credentialId);
        if (stored != null && getType().equals(stored.getType())) {
            BoundCertificateData data = BoundCertificateCredentialModel.of(stored).data();
            BoundCertificates.removeIndex(user, CertificateKey.of(data.issuerDn(), data.serialNumber()));
        }
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public BoundCertificateCredentialModel getCredentialFromModel(CredentialModel model) {
        return BoundCertificateCredentialModel.of(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.PASSWORDLESS)
                .displayName("ecpa-certificate-display-name")
                .helpText("ecpa-certificate-help-text")
                .iconCssClass("kcAuthenticatorX509Class")
                .removeable(true)
                .build(session);
    }
}

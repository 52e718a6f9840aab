package tw.ecpa.keycloak.authenticators.binding;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.keycloak.credential.CredentialMetadata;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * Stores bound card certificates as credentials and keeps the look-up attribute in step with them.
 * Bindings are made by the binding step of a first certificate login and by 自然人憑證上傳
 * ({@value CardBindingActionFactory#PROVIDER_ID}, the account console's "set up"); a person or an
 * administrator may remove one (the account console's sign-in list, the admin console's credentials tab).
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

    /** Bindings are made by {@link BoundCertificates#bind}, which writes the card's row with the credential. */
    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, BoundCertificateCredentialModel credential) {
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        CredentialModel stored = user.credentialManager().getStoredCredentialById(credentialId);
        if (stored != null && getType().equals(stored.getType())) {
            BoundCertificates.released(session, realm, user, BoundCertificateCredentialModel.of(stored).data());
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
                .createAction(BoundCertificateCredentialModel.SET_UP_ACTION)
                .removeable(true)
                .build(session);
    }

    /**
     * What the account console shows of one bound card: the stored label (issuer, serial, validity)
     * followed, in the person's language, by "expired" once it is and by when it last logged in. The
     * account console shows the label as it is, so the words come from our login theme's messages. The
     * last use is the card row's ({@link BoundCertificates#lastUsed}); the account console asks with the
     * person's token, so the context's user is the card's holder.
     */
    @Override
    public CredentialMetadata getCredentialMetadata(BoundCertificateCredentialModel credential, CredentialTypeMetadata type) {
        CredentialMetadata metadata = new CredentialMetadata();
        BoundCertificateCredentialModel shown = BoundCertificateCredentialModel.of(credential);
        Optional<Instant> lastUsed = session.getContext().getRealm() == null ? credential.data().lastUsed(Optional.empty())
                : new BoundCertificates(session, session.getContext().getRealm()).lastUsed(session.getContext().getUser(), credential.data());
        shown.setUserLabel(new BoundCardDescription(messages()).describe(credential, lastUsed, Instant.now()));
        metadata.setCredentialModel(shown);
        return metadata;
    }

    private Properties messages() {
        try {
            Locale locale = session.getContext().resolveLocale(session.getContext().getUser());
            return session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(session.getContext().getRealm(), locale);
        } catch (IOException e) {
            return new Properties();
        }
    }
}

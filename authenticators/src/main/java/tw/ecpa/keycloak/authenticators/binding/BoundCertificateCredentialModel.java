package tw.ecpa.keycloak.authenticators.binding;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

import tw.ecpa.keycloak.model.BoundCertificateCredential;

/**
 * A card certificate bound to a personnel record: a credential of type {@value #TYPE}. The certificate
 * itself is the secret's public half and the card keeps the private one, so the secret data is empty;
 * the user's sign-in list and the admin console show it and can remove it like any credential.
 */
public final class BoundCertificateCredentialModel extends CredentialModel {

    public static final String TYPE = BoundCertificateCredential.TYPE;
    /** The required action that binds a card (自然人憑證上傳): the account console's "set up" of bound cards. */
    public static final String SET_UP_ACTION = "ecpa-bind-certificate";

    private final BoundCertificateData data;

    private BoundCertificateCredentialModel(BoundCertificateData data) {
        this.data = data;
    }

    public static BoundCertificateCredentialModel create(BoundCertificateData data, String label) {
        BoundCertificateCredentialModel model = new BoundCertificateCredentialModel(data);
        model.setType(TYPE);
        model.setUserLabel(label);
        model.setCreatedDate(data.boundAt());
        try {
            model.setCredentialData(JsonSerialization.writeValueAsString(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        model.setSecretData("{}");
        return model;
    }

    public static BoundCertificateCredentialModel of(CredentialModel stored) {
        try {
            BoundCertificateData data = JsonSerialization.readValue(stored.getCredentialData(), BoundCertificateData.class);
            BoundCertificateCredentialModel model = new BoundCertificateCredentialModel(data);
            model.setId(stored.getId());
            model.setType(stored.getType());
            model.setUserLabel(stored.getUserLabel());
            model.setCreatedDate(stored.getCreatedDate());
            model.setCredentialData(stored.getCredentialData());
            model.setSecretData(stored.getSecretData());
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BoundCertificateData data() {
        return data;
    }
}

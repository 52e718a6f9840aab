package tw.ecpa.keycloak.holder;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.core.certificate.CertificateProfile;

/**
 * One holder check: the verified card certificate and the national ID of the personnel record the
 * person named. The ID is personal data: {@link #toString()} masks it.
 */
public record HolderCheckRequest(CertificateProfile certificate, NationalId nationalId) {

    @Override
    public String toString() {
        return "HolderCheckRequest[" + certificate + ", " + nationalId.masked() + "]";
    }
}

package tw.ecpa.keycloak.holder;

import java.util.Map;

import tw.ecpa.keycloak.core.certificate.CardKind;

/**
 * The national ID's last four digits against those the citizen certificate carries
 * (subjectDirectoryAttributes 2.16.886.1.100.2.51). Needs no service, but proves little alone: one person
 * in ten thousand shares the digits, so it suits chaining before {@code http} or a test realm.
 */
final class CertificateSuffixHolderVerifier implements HolderVerifier {

    @Override
    public HolderCheck check(HolderCheckRequest request, Map<String, String> config) {
        if (request.certificate().kind() != CardKind.CITIZEN) {
            return HolderCheck.UNKNOWN_CERTIFICATE;
        }
        return request.certificate().nationalIdEndsWith(request.nationalId().lastFourDigits()) ? HolderCheck.MATCH : HolderCheck.MISMATCH;
    }
}

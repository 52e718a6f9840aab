package tw.ecpa.keycloak.authenticators.certificate;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

import tw.ecpa.keycloak.core.certificate.CardKind;

/**
 * The certificate policy OIDs the operator accepts, per card kind. A kind with no OID configured is not
 * accepted at all: production and test policies differ, so an empty list fails closed.
 */
final class AcceptedPolicies {

    private final Map<CardKind, Set<String>> accepted;

    AcceptedPolicies(Set<String> citizen, Set<String> agency) {
        this.accepted = Map.of(CardKind.CITIZEN, Set.copyOf(citizen), CardKind.AGENCY, Set.copyOf(agency));
    }

    boolean accepts(CardKind kind, X509Certificate certificate) {
        Set<String> wanted = accepted.get(kind);
        try {
            Extensions extensions = new JcaX509CertificateHolder(certificate).getExtensions();
            CertificatePolicies policies = extensions == null ? null : CertificatePolicies.fromExtensions(extensions);
            if (policies == null) {
                return false;
            }
            return Arrays.stream(policies.getPolicyInformation())
                    .map(PolicyInformation::getPolicyIdentifier)
                    .anyMatch(oid -> wanted.contains(oid.getId()));
        } catch (CertificateEncodingException | IllegalArgumentException e) {
            return false;
        }
    }
}

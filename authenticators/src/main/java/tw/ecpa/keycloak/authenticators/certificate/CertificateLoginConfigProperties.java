package tw.ecpa.keycloak.authenticators.certificate;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The realm's certificate configuration ({@link CertificateSettings#ALIAS}) as the admin console shows it, on the ecpa home step. */
public final class CertificateLoginConfigProperties {

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(CertificateLoginConfig.TRUST_ANCHORS).type(ProviderConfigProperty.TEXT_TYPE)
            .label("Trust anchors (PEM)")
            .helpText("Root certificates a card must chain to, in PEM: in production GRCA (政府憑證總管理中心). "
                    + "Never a test root in a production realm.")
            .add()
            .property().name(CertificateLoginConfig.ISSUING_CAS).type(ProviderConfigProperty.TEXT_TYPE)
            .label("Issuing CAs (PEM)")
            .helpText("The CAs between the roots and the cards, in PEM: MOICA (內政部憑證管理中心) and GCA (政府憑證管理中心).")
            .add()
            .property().name(CertificateLoginConfig.REVOCATION_MODE).type(ProviderConfigProperty.LIST_TYPE)
            .label("Revocation check")
            .helpText("Revocation sources asked: the card's CRL distribution points, its OCSP responder, both, or none. "
                    + "The issuing CAs are checked too, against their roots, with the sources their certificates name.")
            .options(RevocationMode.CRL.name(), RevocationMode.OCSP.name(), RevocationMode.BOTH.name(), RevocationMode.NONE.name())
            .defaultValue(CertificateLoginConfig.DEFAULT_REVOCATION_MODE.name())
            .add()
            .property().name(CertificateLoginConfig.REVOCATION_FAIL_OPEN).type(ProviderConfigProperty.BOOLEAN_TYPE)
            .label("Accept when revocation cannot be checked")
            .helpText("Off (the default): a card is refused while its CRL or OCSP source cannot be reached. "
                    + "On: it is accepted and the login event says the revocation was unchecked.")
            .defaultValue("false")
            .add()
            .property().name(CertificateLoginConfig.OCSP_CACHE_SECONDS).type(ProviderConfigProperty.STRING_TYPE)
            .label("Keep OCSP answers (seconds)")
            .helpText("How long a card's OCSP answer (good or revoked) is reused, cluster-wide, before the responder "
                    + "is asked again; never past the answer's nextUpdate, and at most a day. 0: ask on every login. "
                    + "CRLs are kept by Keycloak until their nextUpdate.")
            .defaultValue(Long.toString(CertificateLoginConfig.DEFAULT_OCSP_CACHE_MAX_AGE.toSeconds()))
            .add()
            .property().name(CertificateLoginConfig.REVOCATION_TIMEOUT_MILLIS).type(ProviderConfigProperty.STRING_TYPE)
            .label("Revocation source timeout (milliseconds)")
            .helpText("The longest one download of a CRL or an OCSP answer may take, connecting included (1 to 60000). "
                    + "A source that has not answered by then counts as unreachable: the card is refused, or accepted "
                    + "unchecked when revocation failures are accepted.")
            .defaultValue(Long.toString(CertificateLoginConfig.DEFAULT_REVOCATION_TIMEOUT.toMillis()))
            .add()
            .property().name(CertificateLoginConfig.NONCE_LIFETIME_SECONDS).type(ProviderConfigProperty.STRING_TYPE)
            .label("Nonce lifetime (seconds)")
            .helpText("How long the card may take to sign the login page's nonce.")
            .defaultValue(Long.toString(CertificateLoginConfig.DEFAULT_NONCE_LIFETIME.toSeconds()))
            .add()
            .property().name(CertificateLoginConfig.COMPONENT_URL).type(ProviderConfigProperty.STRING_TYPE)
            .label("Card component URL")
            .helpText("Where the browser finds the HiPKI local server (跨平台網頁元件) on the user's PC.")
            .defaultValue(CertificateLoginConfig.DEFAULT_COMPONENT_URL)
            .add()
            .property().name(CertificateLoginConfig.CITIZEN_POLICIES).type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .label("Accepted citizen certificate policies")
            .helpText("Certificate policy OIDs accepted on citizen cards (MOICA's are under 2.16.886.101.0.3). "
                    + "Empty: no citizen card is accepted.")
            .add()
            .property().name(CertificateLoginConfig.AGENCY_POLICIES).type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .label("Accepted agency certificate policies")
            .helpText("Certificate policy OIDs accepted on agency cards (GCA). Empty: no agency card is accepted.")
            .add()
            .build();

    private CertificateLoginConfigProperties() {
    }
}

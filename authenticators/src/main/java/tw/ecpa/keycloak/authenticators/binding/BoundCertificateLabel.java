package tw.ecpa.keycloak.authenticators.binding;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The user label of a bound card, what the account console's sign-in list and the admin console's
 * credentials tab show for it: the issuing authority (the issuer's OU, e.g. 內政部憑證管理中心), the
 * serial and the validity period as dates in Taiwan's time zone. Without language words, so one stored
 * label reads the same in zh-Hant and en.
 */
final class BoundCertificateLabel {

    static final ZoneId TAIWAN = ZoneId.of("Asia/Taipei");

    private BoundCertificateLabel() {
    }

    static String of(BoundCertificateData data) {
        return issuerName(data.issuerDn()) + " " + data.serialNumber().toUpperCase(Locale.ROOT)
                + " (" + date(data.notBefore()) + " – " + date(data.notAfter()) + ")";
    }

    static LocalDate date(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(TAIWAN).toLocalDate();
    }

    /** The issuer's OU (the certification authority's name), else its CN, else the DN as it is. */
    static String issuerName(String issuerDn) {
        try {
            List<Rdn> rdns = new LdapName(issuerDn).getRdns();
            for (String type : List.of("OU", "CN")) {
                for (int i = rdns.size() - 1; i >= 0; i--) {
                    if (type.equalsIgnoreCase(rdns.get(i).getType())) {
                        return String.valueOf(rdns.get(i).getValue());
                    }
                }
            }
        } catch (InvalidNameException e) {
            return issuerDn;
        }
        return issuerDn;
    }
}

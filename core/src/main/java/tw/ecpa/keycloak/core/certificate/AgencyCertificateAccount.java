package tw.ecpa.keycloak.core.certificate;

import java.util.Locale;

import tw.ecpa.keycloak.core.account.CustomAccount;

/**
 * The realm user that stands for an agency's certificate (機關憑證): whoever holds the agency's card and
 * PIN logs in as this user and acts for that agency. It is nobody's personal account, so it has no
 * password, no national ID, no e-mail and none of the personal first-login steps.
 *
 * <p>Its username is {@value #USERNAME_PREFIX} followed by the agency code in lower case. The prefix
 * starts with {@link CustomAccount#PLACEHOLDER_PREFIX}, which no custom account may take and which the
 * account box never looks up, so the name can neither be claimed by a person nor typed to log in. The
 * marker attribute {@value #MARKER_ATTRIBUTE} says the same to administrators and queries; only both
 * together make an agency-certificate account, as the marker alone is an attribute like any other.
 */
public final class AgencyCertificateAccount {

    public static final String USERNAME_PREFIX = CustomAccount.PLACEHOLDER_PREFIX + "agency-";
    public static final String MARKER_ATTRIBUTE = "ecpaAgencyCertificate";
    public static final String MARKER_VALUE = "true";

    private AgencyCertificateAccount() {
    }

    /** The username of the account of the agency with this code (e.g. X10000000A). */
    public static String usernameFor(String agencyCode) {
        if (agencyCode == null || agencyCode.isBlank()) {
            throw new IllegalArgumentException("an agency code is needed");
        }
        return USERNAME_PREFIX + agencyCode.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a user with this username and marker attribute value is an agency-certificate account. */
    public static boolean isOne(String username, String marker) {
        return username != null && username.toLowerCase(Locale.ROOT).startsWith(USERNAME_PREFIX)
                && MARKER_VALUE.equals(marker);
    }
}

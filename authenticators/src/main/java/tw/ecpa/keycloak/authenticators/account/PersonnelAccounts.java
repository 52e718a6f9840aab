package tw.ecpa.keycloak.authenticators.account;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.core.NationalIdMask;
import tw.ecpa.keycloak.core.account.CustomAccount;

/**
 * Finds the person behind what was typed in the account field: a national ID (normalised: trimmed,
 * upper-cased, full-width letters and digits accepted) by the {@value #NATIONAL_ID_ATTRIBUTE}
 * attribute, anything else as a custom account (the username). A placeholder username is not an
 * account, so it finds nobody.
 */
public final class PersonnelAccounts {

    public static final String NATIONAL_ID_ATTRIBUTE = "nationalId";

    private PersonnelAccounts() {
    }

    /**
     * Longer than any national ID or custom account by far: what is longer, or holds control characters
     * (some databases refuse a NUL in a query), names nobody and is never looked up.
     */
    static final int LONGEST_TYPED = 64;

    public static Optional<UserModel> find(KeycloakSession session, RealmModel realm, String typed) {
        if (!plausible(typed)) {
            return Optional.empty();
        }
        String asId = NationalId.normalise(typed);
        if (NationalId.isValid(asId)) {
            List<UserModel> holders = session.users()
                    .searchForUserByUserAttributeStream(realm, NATIONAL_ID_ATTRIBUTE, asId)
                    .limit(2)
                    .toList();
            return holders.size() == 1 ? Optional.of(holders.get(0)) : Optional.empty();
        }
        String account = CustomAccount.normalise(typed);
        if (CustomAccount.isPlaceholder(account)) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.users().getUserByUsername(realm, account))
                .filter(user -> user.getServiceAccountClientLink() == null);
    }

    /** What may go into an event or a log line about the typed account: an ID only masked. */
    public static String forEvents(String typed) {
        if (typed == null) {
            return null;
        }
        if (!plausible(typed) && !typed.isBlank()) {
            return MALFORMED;
        }
        // An ID typed with spaces inside is still someone's ID: masked like one.
        String asId = NationalId.normalise(typed.replaceAll("\\s", ""));
        return NationalId.looksLikeNationalId(asId) ? NationalIdMask.mask(asId) : CustomAccount.normalise(typed);
    }

    /** The event's username for what {@link #plausible} refuses: the text itself is no account and may be huge. */
    static final String MALFORMED = "(malformed)";

    /** Whether the text could be an account or an ID at all: not blank, not oversize, no control characters. */
    public static boolean plausible(String typed) {
        return typed != null && !typed.isBlank() && typed.length() <= LONGEST_TYPED
                && typed.codePoints().noneMatch(Character::isISOControl);
    }
}

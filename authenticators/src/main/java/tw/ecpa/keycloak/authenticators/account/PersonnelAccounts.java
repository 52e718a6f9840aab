package tw.ecpa.keycloak.authenticators.account;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.core.NationalIdMask;
import tw.ecpa.keycloak.core.account.CustomAccount;
import tw.ecpa.keycloak.model.PersonnelLookup;

/**
 * What a login step may say about the text typed in an account field; the person behind it is found by
 * {@link PersonnelLookup#byAccountOrNationalId}.
 */
public final class PersonnelAccounts {

    private PersonnelAccounts() {
    }

    /** What may go into an event or a log line about the typed account: an ID only masked. */
    public static String forEvents(String typed) {
        if (typed == null) {
            return null;
        }
        if (!PersonnelLookup.plausible(typed) && !typed.isBlank()) {
            return MALFORMED;
        }
        // An ID typed with spaces inside is still someone's ID: masked like one.
        String asId = NationalId.normalise(typed.replaceAll("\\s", ""));
        return NationalId.looksLikeNationalId(asId) ? NationalIdMask.mask(asId) : CustomAccount.normalise(typed);
    }

    /** The event's username for what {@link PersonnelLookup#plausible} refuses: the text itself is no account and may be huge. */
    static final String MALFORMED = "(malformed)";
}

package tw.ecpa.keycloak.model;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.core.account.CustomAccount;

/**
 * Finds personnel records the two ways the guide names: by national ID (the {@value PersonnelAttributes#NATIONAL_ID}
 * attribute) and by custom account (the username). Used by 帳號登入, the binding step, 忘記密碼 and the
 * personnel API alike, so that all of them find the same person for the same text.
 */
public final class PersonnelLookup {

    /**
     * Longer than any national ID or custom account by far: what is longer, or holds control characters
     * (some databases refuse a NUL in a query), names nobody and is never looked up.
     */
    public static final int LONGEST_TYPED = 64;

    /**
     * The session attribute a user-storage federation sets when a look-up by national ID could not ask its
     * personnel database (the personnel database's provider, {@code ecpa-personnel-db}): nobody found may
     * then be someone not imported yet, and the page says the database cannot be reached.
     */
    public static final String DATABASE_UNREACHABLE = "ecpa.personnelDatabaseUnreachable";

    private final KeycloakSession session;
    private final RealmModel realm;

    public PersonnelLookup(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The one record with this national ID; nobody, or several (a data error), find nobody. */
    public Optional<UserModel> byNationalId(NationalId nationalId) {
        session.removeAttribute(DATABASE_UNREACHABLE);
        List<UserModel> holders = session.users()
                .searchForUserByUserAttributeStream(realm, PersonnelAttributes.NATIONAL_ID, nationalId.value())
                .limit(2)
                .toList();
        return holders.size() == 1 ? Optional.of(holders.get(0)) : Optional.empty();
    }

    /** Whether the last look-up by national ID of this session could not reach the personnel database. */
    public boolean personnelDatabaseUnreachable() {
        return Boolean.TRUE.equals(session.getAttribute(DATABASE_UNREACHABLE));
    }

    /**
     * The person whose custom account this is (normalised like {@link CustomAccount}). A placeholder
     * username (no account chosen yet, an agency's certificate account) and a client's service account
     * are nobody's custom account.
     */
    public Optional<UserModel> byCustomAccount(String typed) {
        String account = CustomAccount.normalise(typed);
        if (CustomAccount.isPlaceholder(account)) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.users().getUserByUsername(realm, account))
                .filter(user -> user.getServiceAccountClientLink() == null);
    }

    /**
     * The person behind what was typed in an account field: a national ID (normalised: trimmed,
     * upper-cased, full-width letters and digits accepted), anything else as a custom account.
     */
    public Optional<UserModel> byAccountOrNationalId(String typed) {
        session.removeAttribute(DATABASE_UNREACHABLE);
        if (!plausible(typed)) {
            return Optional.empty();
        }
        String asId = NationalId.normalise(typed);
        if (NationalId.isValid(asId)) {
            return byNationalId(NationalId.of(asId));
        }
        return byCustomAccount(typed);
    }

    /** Whether the text could be an account or an ID at all: not blank, not oversize, no control characters. */
    public static boolean plausible(String typed) {
        return typed != null && !typed.isBlank() && typed.length() <= LONGEST_TYPED
                && typed.codePoints().noneMatch(Character::isISOControl);
    }
}

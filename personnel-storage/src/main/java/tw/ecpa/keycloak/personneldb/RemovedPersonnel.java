package tw.ecpa.keycloak.personneldb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.core.NationalIdMask;
import tw.ecpa.keycloak.model.PersonnelAttributes;

/**
 * Someone removed from the personnel database: after a full sync that read the whole table or view, every
 * enabled user linked to this provider whose national ID no row holds any more is disabled, not deleted, so
 * that the bound cards, credentials and events stay for audit, and their sessions end. The disabling is marked
 * with Keycloak's own {@link UserModel#DISABLED_REASON} (as brute-force detection marks a permanent lockout),
 * so that a later sync that finds the person in the database again enables them again, and an administrator's
 * own disabling, which carries no such mark, is kept.
 */
final class RemovedPersonnel {

    /** The {@link UserModel#DISABLED_REASON} of someone this provider disabled. */
    static final String NOT_IN_DATABASE = "ecpaNotInPersonnelDatabase";

    /** Users of the realm, service accounts left out: the local store is paged through in username order. */
    private static final Map<String, String> EVERY_PERSON = Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT, "false");

    private final PersonnelSync.Keycloak keycloak;
    private final String providerId;
    private final int pageSize;

    RemovedPersonnel(PersonnelSync.Keycloak keycloak, String providerId, int pageSize) {
        this.keycloak = keycloak;
        this.providerId = providerId;
        this.pageSize = pageSize;
    }

    /**
     * Disables the linked users whose national ID is not among {@code inDatabase} (the trimmed IDs of every row the
     * full sync read, imported or not: a row skipped for a bad field is still someone on record), one page of users
     * per transaction. Reports each by masked national ID.
     */
    void disableAbsent(Set<String> inDatabase, SyncReport report) {
        for (int first = 0; ; first += pageSize) {
            int from = first;
            Page page = keycloak.inTransaction(store -> disableAbsent(store, inDatabase, from));
            page.disabled().forEach(report::disabled);
            if (page.size() < pageSize) {
                return;
            }
        }
    }

    /** One page of the realm's users: how many there were, and the masked national IDs of those disabled. */
    private record Page(int size, List<String> disabled) {
    }

    private Page disableAbsent(RealmStore store, Set<String> inDatabase, int first) {
        List<UserModel> users = store.localUsers().searchForUserStream(store.realm(), EVERY_PERSON, first, pageSize).toList();
        List<String> disabled = new ArrayList<>();
        for (UserModel user : users) {
            String nationalId = user.getFirstAttribute(PersonnelAttributes.NATIONAL_ID);
            if (!providerId.equals(user.getFederationLink()) || !user.isEnabled() || nationalId == null
                    || inDatabase.contains(nationalId.trim())) {
                continue;
            }
            user.setEnabled(false);
            user.setSingleAttribute(UserModel.DISABLED_REASON, NOT_IN_DATABASE);
            store.endSessions().accept(user);
            store.evictFromCache().accept(user);
            disabled.add(NationalIdMask.mask(nationalId.trim()));
        }
        return new Page(users.size(), disabled);
    }

    /** Whether this provider's full sync disabled the user (an administrator may have enabled them since). */
    static boolean disabledByThisProvider(UserModel user) {
        return NOT_IN_DATABASE.equals(user.getFirstAttribute(UserModel.DISABLED_REASON));
    }

    /** Someone back in the database whom this provider disabled: enabled again, the mark removed. */
    static void enableAgain(UserModel user) {
        user.removeAttribute(UserModel.DISABLED_REASON);
        user.setEnabled(true);
    }
}

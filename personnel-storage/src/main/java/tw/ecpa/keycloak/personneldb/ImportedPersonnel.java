package tw.ecpa.keycloak.personneldb;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;

import tw.ecpa.keycloak.core.account.CustomAccount;
import tw.ecpa.keycloak.model.Agencies;
import tw.ecpa.keycloak.model.PersonnelAttributes;

/**
 * Writes a checked personnel-database entry into the realm's own user store, the way Keycloak's LDAP import
 * does: a new person becomes a local user linked to this provider (its federation link), someone already
 * imported is brought up to date. The person is found by national ID, never by username, since the username
 * is theirs to change (the custom account).
 *
 * <p>Ownership: the national ID, the name, the birth date, the agency (attribute and group) and the
 * employment status come from the database and are overwritten at every sync. The username, password,
 * phone, e公務 consent and bound cards are Keycloak's and never touched. The e-mail is the person's: the
 * database's address is only the first one, written when Keycloak has none (docs/personnel-database.md).
 */
final class ImportedPersonnel {

    /** What became of an entry. */
    enum Outcome { ADDED, UPDATED, UNCHANGED, LINKED, NOT_LINKED, OTHER_PROVIDER, SEVERAL_IN_KEYCLOAK }

    /**
     * A change to someone already imported that ends more than an attribute ({@link SyncConsequences}): they
     * became 卸職, they moved to another agency, or they are back in the database after a full sync disabled them.
     */
    enum Change { DEPARTED, MOVED, ENABLED_AGAIN }

    private final UserProvider localUsers;
    private final RealmModel realm;
    private final String providerId;
    private final Function<String, Optional<GroupModel>> agencyByCode;
    private final RandomGenerator random;
    private final boolean linkExistingUsers;

    /** Leaves a user this provider did not import alone (the setting's default). */
    ImportedPersonnel(UserProvider localUsers, RealmModel realm, String providerId,
                      Function<String, Optional<GroupModel>> agencyByCode, RandomGenerator random) {
        this(localUsers, realm, providerId, agencyByCode, random, false);
    }

    /**
     * @param localUsers   the realm's own store (not Keycloak's user manager, which would ask the providers again)
     * @param providerId   the component id of this {@code ecpa-personnel-db}, the imported users' federation link
     * @param agencyByCode the agency group with a code ({@link Agencies#byCode})
     * @param linkExistingUsers whether a user of the realm's own with no federation link (the realm import's) is
     *                          linked to this provider instead of being left alone
     */
    ImportedPersonnel(UserProvider localUsers, RealmModel realm, String providerId,
                      Function<String, Optional<GroupModel>> agencyByCode, RandomGenerator random, boolean linkExistingUsers) {
        this.localUsers = localUsers;
        this.realm = realm;
        this.providerId = providerId;
        this.agencyByCode = agencyByCode;
        this.random = random;
        this.linkExistingUsers = linkExistingUsers;
    }

    /** The user the outcome concerns, when one was written or found unchanged, and the changes that end more than an attribute. */
    record Written(Outcome outcome, UserModel user, Set<Change> changes) {

        Written(Outcome outcome, UserModel user) {
            this(outcome, user, Set.of());
        }
    }

    Written write(PersonnelEntry entry) {
        List<UserModel> holders = localUsers
                .searchForUserByUserAttributeStream(realm, PersonnelAttributes.NATIONAL_ID, entry.nationalId().value())
                .limit(2)
                .toList();
        if (holders.size() > 1) {
            return new Written(Outcome.SEVERAL_IN_KEYCLOAK, null);
        }
        GroupModel agency = agencyByCode.apply(entry.agencyCode())
                .orElseThrow(() -> new IllegalStateException("agency " + entry.agencyCode() + " was checked and is gone"));
        if (holders.isEmpty()) {
            UserModel user = localUsers.addUser(realm, CustomAccount.newPlaceholder(random));
            user.setFederationLink(providerId);
            user.setEnabled(true);
            user.setSingleAttribute(PersonnelAttributes.NATIONAL_ID, entry.nationalId().value());
            entry.email().ifPresent(user::setEmail);
            update(user, entry, agency);
            return new Written(Outcome.ADDED, user);
        }
        UserModel user = holders.get(0);
        if (!providerId.equals(user.getFederationLink())) {
            return linkOrLeave(user, entry, agency);
        }
        Set<Change> changes = changesBefore(user, entry);
        boolean changed = update(user, entry, agency);
        if (isBlank(user.getEmail()) && entry.email().isPresent()) {
            user.setEmail(entry.email().get());
            changed = true;
        }
        if (RemovedPersonnel.disabledByThisProvider(user)) {
            if (!user.isEnabled()) {
                changes.add(Change.ENABLED_AGAIN);
            }
            // Also when an administrator enabled them meanwhile: the mark is no longer true.
            RemovedPersonnel.enableAgain(user);
            changed = true;
        }
        return new Written(changed ? Outcome.UPDATED : Outcome.UNCHANGED, user, Set.copyOf(changes));
    }

    /** Read before the entry is written: became 卸職 (a departure recorded earlier is no new one), moved agency. */
    private static Set<Change> changesBefore(UserModel user, PersonnelEntry entry) {
        Set<Change> changes = EnumSet.noneOf(Change.class);
        if (PersonnelAttributes.DEPARTED.equals(entry.employmentStatus())
                && !PersonnelAttributes.DEPARTED.equals(user.getFirstAttribute(PersonnelAttributes.EMPLOYMENT_STATUS))) {
            changes.add(Change.DEPARTED);
        }
        String agencyBefore = user.getFirstAttribute(PersonnelAttributes.AGENCY_CODE);
        if (agencyBefore != null && !agencyBefore.equals(entry.agencyCode())) {
            changes.add(Change.MOVED);
        }
        return changes;
    }

    /**
     * Someone this provider did not import. Another provider's user is that provider's to keep current, never
     * taken over. A user of the realm's own (the realm import's) is linked when the operator asked for it: the
     * way from a realm import to the database. Linking keeps what is Keycloak's (the custom account, the password,
     * the bound cards) and brings the database's facts in as for anyone imported.
     */
    private Written linkOrLeave(UserModel user, PersonnelEntry entry, GroupModel agency) {
        if (user.getFederationLink() != null) {
            return new Written(Outcome.OTHER_PROVIDER, user);
        }
        if (!linkExistingUsers) {
            return new Written(Outcome.NOT_LINKED, user);
        }
        // A departure or a move the link brings ends what it ends for anyone imported.
        Set<Change> changes = changesBefore(user, entry);
        user.setFederationLink(providerId);
        update(user, entry, agency);
        if (isBlank(user.getEmail()) && entry.email().isPresent()) {
            user.setEmail(entry.email().get());
        }
        return new Written(Outcome.LINKED, user, Set.copyOf(changes));
    }

    /** The database-owned facts; true when any of them changed. */
    private boolean update(UserModel user, PersonnelEntry entry, GroupModel agency) {
        boolean changed = false;
        if (!Objects.equals(user.getLastName(), entry.lastName())) {
            user.setLastName(entry.lastName());
            changed = true;
        }
        if (!Objects.equals(user.getFirstName(), entry.firstName())) {
            user.setFirstName(entry.firstName());
            changed = true;
        }
        changed |= setAttribute(user, PersonnelAttributes.BIRTH_DATE, entry.birthDate().toString());
        changed |= setAttribute(user, PersonnelAttributes.EMPLOYMENT_STATUS, entry.employmentStatus());
        changed |= setAttribute(user, PersonnelAttributes.AGENCY_CODE, entry.agencyCode());
        changed |= moveToAgency(user, agency);
        return changed;
    }

    /** The person is a member of their own agency's group only; other agencies they handle are grants, not groups. */
    private static boolean moveToAgency(UserModel user, GroupModel agency) {
        boolean changed = false;
        List<GroupModel> otherAgencies = user.getGroupsStream()
                .filter(Agencies::isAgency)
                .filter(group -> !group.getId().equals(agency.getId()))
                .toList();
        for (GroupModel other : otherAgencies) {
            user.leaveGroup(other);
            changed = true;
        }
        if (!user.isMemberOf(agency)) {
            user.joinGroup(agency);
            changed = true;
        }
        return changed;
    }

    private static boolean setAttribute(UserModel user, String name, String value) {
        if (value.equals(user.getFirstAttribute(name))) {
            return false;
        }
        user.setSingleAttribute(name, value);
        return true;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

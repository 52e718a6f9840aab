package tw.ecpa.keycloak.personneldb;

import java.util.Objects;
import java.util.Set;

import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import tw.ecpa.keycloak.model.OfficerGrantAttributes;
import tw.ecpa.keycloak.model.PersonnelOfficeRoles;

/**
 * What a departure or an agency move that a sync brings ends, inside the transaction that wrote it.
 *
 * <p>卸職: the person's sessions end. The login gate refuses a departed person at the next login, but a
 * session already open would otherwise carry on until it expires.
 *
 * <p>An agency move: the officer grants (the reset permission, 兼辦) were given for the old agency. The
 * personnel API already stops applying them after a move ({@code OfficerGrants.apply}); the sync removes
 * them too, so the console shows no grant that no longer applies and a later move back does not revive one.
 * Someone who holds a personnel-office role (officer, chief, help desk) also has their sessions ended: what
 * they may do depends on their agency, and a console opened for the old agency (its people, its menu, shown
 * from the login's state) should not carry on; their next login starts from the record as it is now. Other
 * people keep their sessions: nothing they may do depends on the agency, and the tokens their applications
 * refresh carry the new agency anyway.
 */
final class SyncConsequences {

    private static final Set<String> PERSONNEL_OFFICE =
            Set.of(PersonnelOfficeRoles.OFFICER, PersonnelOfficeRoles.CHIEF, PersonnelOfficeRoles.HELP_DESK);

    private final RealmStore store;

    SyncConsequences(RealmStore store) {
        this.store = store;
    }

    /** What was ended for one person, for the report. */
    record Ended(boolean officerGrants, boolean sessions) {

        static final Ended NOTHING = new Ended(false, false);
    }

    /** Applies what the changes end. */
    Ended apply(UserModel user, Set<ImportedPersonnel.Change> changes) {
        boolean grantsCleared = false;
        boolean endSessions = changes.contains(ImportedPersonnel.Change.DEPARTED);
        if (changes.contains(ImportedPersonnel.Change.MOVED)) {
            grantsCleared = clearOfficerGrants(user);
            endSessions |= holdsPersonnelOfficeRole(user);
        }
        if (endSessions) {
            store.endSessions().accept(user);
        }
        return new Ended(grantsCleared, endSessions);
    }

    private static boolean clearOfficerGrants(UserModel user) {
        boolean cleared = false;
        for (String attribute : OfficerGrantAttributes.ALL) {
            if (user.getFirstAttribute(attribute) != null) {
                user.removeAttribute(attribute);
                cleared = true;
            }
        }
        return cleared;
    }

    private boolean holdsPersonnelOfficeRole(UserModel user) {
        return PERSONNEL_OFFICE.stream()
                .map(name -> store.realm().getRole(name))
                .filter(Objects::nonNull)
                .anyMatch((RoleModel role) -> user.hasRole(role));
    }
}

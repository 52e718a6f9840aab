package tw.ecpa.keycloak.personneldb;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.jboss.logging.Logger;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.ReadOnlyUserModelDelegate;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.core.NationalIdMask;
import tw.ecpa.keycloak.model.PersonnelAttributes;

/**
 * The personnel database asked while someone logs in, between two syncs: (1) an imported person, when
 * Keycloak loads them, is brought up to date from their one row, as the sync would ({@link RowImport}), so
 * that 卸職 in the database is refused at the next login by the login gate's own rule; (2) someone in the
 * database but not imported yet is imported at once when a flow looks them up by national ID. The row is
 * checked and written by the sync's own code; one row that the sync would skip changes nothing here either.
 */
final class PersonOnLoad {

    private static final Logger LOG = Logger.getLogger(PersonOnLoad.class);

    /** What a look-up by national ID found: the person imported now, nobody, or a database that did not answer. */
    record OnDemand(Optional<UserModel> user, boolean unreachable) {

        static final OnDemand NOBODY = new OnDemand(Optional.empty(), false);
        static final OnDemand UNREACHABLE = new OnDemand(Optional.empty(), true);
    }

    private final RealmStore store;
    private final String providerId;
    private final String providerName;
    private final OnLoadLookup lookup;
    private final LocalDate today;
    private final RandomGenerator random;

    PersonOnLoad(RealmStore store, String providerId, String providerName, OnLoadLookup lookup, LocalDate today,
                 RandomGenerator random) {
        this.store = store;
        this.providerId = providerId;
        this.providerName = providerName;
        this.lookup = lookup;
        this.today = today;
        this.random = random;
    }

    /**
     * The imported user as the database has them now ({@code ImportedUserValidation}'s contract: the user to
     * go on with), written only from an answer read now: a kept one was written when it was read. Database unreachable: the user as the last sync left them. No row any more: a disabled,
     * read-only view, which the login gate refuses as disabled; not null, with which Keycloak would delete the
     * user (and their custom account, password and cards) at once, while a full sync is the one that decides
     * about removed people.
     */
    UserModel validate(UserModel user) {
        String nationalId = user.getFirstAttribute(PersonnelAttributes.NATIONAL_ID);
        if (nationalId == null || !NationalId.isValid(nationalId)) {
            return user;
        }
        LookupAnswer answer = lookup.lookUp(nationalId);
        switch (answer.kind()) {
            case UNREACHABLE -> {
                return user;
            }
            case NOT_ON_RECORD -> {
                LOG.debugf("personnel database %s: %s is no longer on record; refused until the next full sync",
                        providerName, NationalIdMask.mask(nationalId));
                return new ReadOnlyUserModelDelegate(user, false);
            }
            default -> {
                if (!answer.fresh()) {
                    // Written when it was read; a sync on another node may have written a newer row since, which
                    // a kept answer must not undo.
                    return user;
                }
                RowImport.Result result = rowImport(answer.rows()).importRow(answer.rows().get(0));
                if (result.problem() != null) {
                    LOG.debugf("personnel database %s: the row of %s is not usable (%s); the last sync's record stands",
                            providerName, NationalIdMask.mask(nationalId), result.problem().reason());
                }
                return user;
            }
        }
    }

    /**
     * Someone the realm does not hold yet, imported from their row in this transaction, so that their first
     * card binding or 帳號登入 needs no sync first. Someone the realm holds already (imported or not) is the
     * realm's answer, and the database is not asked.
     */
    OnDemand importOnDemand(NationalId nationalId) {
        if (holders(nationalId).findAny().isPresent()) {
            return OnDemand.NOBODY;
        }
        LookupAnswer answer = lookup.lookUp(nationalId.value());
        if (answer.kind() == LookupAnswer.Kind.UNREACHABLE) {
            return OnDemand.UNREACHABLE;
        }
        if (answer.kind() == LookupAnswer.Kind.NOT_ON_RECORD) {
            return OnDemand.NOBODY;
        }
        PersonnelRow row = answer.rows().get(0);
        RowImport.Result result = rowImport(answer.rows()).importRow(row);
        if (result.problem() != null) {
            new SyncReport(providerName).skipped(row, result.problem(), result.detail());
            return OnDemand.NOBODY;
        }
        LOG.infof("personnel database %s: %s imported at their first look-up", providerName, nationalId.masked());
        return new OnDemand(holders(nationalId).findFirst(), false);
    }

    private java.util.stream.Stream<UserModel> holders(NationalId nationalId) {
        return store.localUsers().searchForUserByUserAttributeStream(store.realm(), PersonnelAttributes.NATIONAL_ID,
                nationalId.value());
    }

    /** Two rows of one ID are the sync's duplicate: neither is used. */
    private RowImport rowImport(List<PersonnelRow> rows) {
        Set<String> duplicates = rows.size() > 1 ? Set.of(rows.get(0).nationalId().trim()) : Set.of();
        return new RowImport(store, providerId, duplicates, today, random);
    }
}

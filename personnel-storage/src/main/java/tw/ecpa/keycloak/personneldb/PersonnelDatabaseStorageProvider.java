package tw.ecpa.keycloak.personneldb;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageUtil;
import org.keycloak.storage.user.ImportedUserValidation;
import org.keycloak.storage.user.UserQueryMethodsProvider;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.UserProfileDecorator;
import org.keycloak.userprofile.UserProfileMetadata;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.model.Agencies;
import tw.ecpa.keycloak.model.PersonnelAttributes;
import tw.ecpa.keycloak.model.PersonnelLookup;

/**
 * The provider instance of {@code ecpa-personnel-db}. The personnel database reaches Keycloak through the import
 * ({@link PersonnelDatabaseStorageProviderFactory}'s sync): the imported people are the realm's own users, linked
 * to this provider, and every look-up finds them there.
 *
 * <p>Between syncs, Keycloak's own hooks for a federation ask the database while people log in
 * ({@link PersonOnLoad}): {@link ImportedUserValidation#validate} when Keycloak loads an imported user (not
 * answered by its user cache), so 卸職 is refused before the next sync; and the attribute search Keycloak's
 * user manager puts to every federation ({@link UserQueryMethodsProvider#searchForUserByUserAttributeStream}),
 * which imports someone not synchronised yet when a flow looks them up by national ID ({@link PersonnelLookup}).
 * The other searches answer nothing: the people imported are in the realm's own store, which answers them.
 *
 * <p>For those users, the attributes the database owns are read-only in Keycloak's user profile, as a read-only
 * LDAP federation makes its attributes: the admin console, the admin REST API and the account console refuse a
 * change with Keycloak's own read-only error, and the next sync would have undone it anyway. Keycloak asks only
 * for users whose federation link is this provider, so the realm's other users keep the realm's rules.
 */
final class PersonnelDatabaseStorageProvider
        implements UserStorageProvider, UserProfileDecorator, ImportedUserValidation, UserQueryMethodsProvider {

    /** What the personnel database owns (docs/personnel-database.md, Who owns which attribute). */
    static final List<String> DATABASE_OWNED = List.of(UserModel.LAST_NAME, UserModel.FIRST_NAME,
            PersonnelAttributes.NATIONAL_ID, PersonnelAttributes.BIRTH_DATE, PersonnelAttributes.AGENCY_CODE,
            PersonnelAttributes.EMPLOYMENT_STATUS);

    private final KeycloakSession session;
    private final String componentId;
    private final Supplier<OnLoadLookup> lookup;
    private final Supplier<LocalDate> today;
    private final RandomGenerator random;

    /** Only the user-profile decoration: a provider that never asks the database. */
    PersonnelDatabaseStorageProvider() {
        this(null, null, () -> {
            throw new IllegalStateException("no personnel database configured");
        }, LocalDate::now, null);
    }

    PersonnelDatabaseStorageProvider(KeycloakSession session, String componentId, Supplier<OnLoadLookup> lookup,
                                     Supplier<LocalDate> today, RandomGenerator random) {
        this.session = session;
        this.componentId = componentId;
        this.lookup = lookup;
        this.today = today;
        this.random = random;
    }

    /**
     * The realm's own metadata of each database-owned attribute, copied with a write condition that never holds;
     * Keycloak puts these in place of the realm's for this user. Copies, so the realm's profile stays untouched.
     */
    @Override
    public List<AttributeMetadata> decorateUserProfile(String providerId, UserProfileMetadata metadata) {
        return DATABASE_OWNED.stream()
                .map(name -> firstOf(metadata.getAttribute(name)))
                .flatMap(Optional::stream)
                .map(attribute -> attribute.clone().addWriteCondition(AttributeMetadata.ALWAYS_FALSE))
                .toList();
    }

    private static Optional<AttributeMetadata> firstOf(List<AttributeMetadata> attributes) {
        return attributes == null ? Optional.empty() : attributes.stream().findFirst();
    }

    @Override
    public UserModel validate(RealmModel realm, UserModel user) {
        return personOnLoad(session, realm).validate(user);
    }

    /**
     * Someone not imported yet, looked up by national ID: imported now. A database that cannot be reached
     * leaves a mark on the session ({@link PersonnelLookup#personnelDatabaseUnreachable}), so that the page can
     * say why nobody was found; nothing is written then.
     */
    @Override
    public Stream<UserModel> searchForUserByUserAttributeStream(RealmModel realm, String attrName, String attrValue) {
        if (!PersonnelAttributes.NATIONAL_ID.equals(attrName) || attrValue == null || !NationalId.isValid(attrValue)) {
            return Stream.empty();
        }
        NationalId nationalId = NationalId.of(attrValue);
        UserProvider localUsers = UserStoragePrivateUtil.userLocalStorage(session);
        if (localUsers.searchForUserByUserAttributeStream(realm, PersonnelAttributes.NATIONAL_ID, nationalId.value()).findAny().isPresent()) {
            return Stream.empty();
        }
        // In a transaction of its own, committed before the flow goes on: the card binding writes the card in a
        // transaction of its own as well, which must find the person; and an import that fails leaves nothing.
        ImportedNow imported = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                session.getContext(), own -> {
                    PersonOnLoad.OnDemand found = personOnLoad(own, own.realms().getRealm(realm.getId())).importOnDemand(nationalId);
                    return new ImportedNow(found.user().map(UserModel::getId), found.unreachable());
                }, "ecpa-personnel-on-demand-import");
        if (imported.unreachable()) {
            session.setAttribute(PersonnelLookup.DATABASE_UNREACHABLE, Boolean.TRUE);
        }
        return imported.userId().map(id -> localUsers.getUserById(realm, id)).stream();
    }

    /** What the import's own transaction hands back: ids, not models of a session that is closed by then. */
    private record ImportedNow(Optional<String> userId, boolean unreachable) {
    }

    /** The imported people are in the realm's own store, which answers this search; nobody else is imported by it. */
    @Override
    public Stream<UserModel> searchForUserStream(RealmModel realm, Map<String, String> params, Integer firstResult,
                                                 Integer maxResults) {
        return Stream.empty();
    }

    /** As {@link #searchForUserStream}: the realm's own store holds the imported members. */
    @Override
    public Stream<UserModel> getGroupMembersStream(RealmModel realm, GroupModel group, Integer firstResult, Integer maxResults) {
        return Stream.empty();
    }

    private PersonOnLoad personOnLoad(KeycloakSession session, RealmModel realm) {
        Agencies agencies = new Agencies(session, realm);
        UserCache cache = UserStorageUtil.userCache(session);
        UserProvider localUsers = UserStoragePrivateUtil.userLocalStorage(session);
        // A departure found at login ends the person's other sessions, as the sync's would.
        RealmStore store = new RealmStore(realm, localUsers, agencies::byCode,
                user -> {
                    if (cache != null) {
                        cache.evict(realm, user);
                    }
                },
                user -> KeycloakTransactions.endSessions(session, realm, localUsers, user));
        OnLoadLookup onLoad = lookup.get();
        return new PersonOnLoad(store, componentId, onLoad.providerName(), onLoad, today.get(), random);
    }

    @Override
    public void close() {
        // Nothing held: each look-up opens and closes its own connection, as a sync does.
    }
}

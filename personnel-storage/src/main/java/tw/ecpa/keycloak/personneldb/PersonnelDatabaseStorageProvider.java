package tw.ecpa.keycloak.personneldb;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.UserProfileDecorator;
import org.keycloak.userprofile.UserProfileMetadata;

import tw.ecpa.keycloak.model.PersonnelAttributes;

/**
 * The provider instance of {@code ecpa-personnel-db}. The personnel database reaches Keycloak through the import
 * ({@link PersonnelDatabaseStorageProviderFactory}'s sync): the imported people are the realm's own users, linked
 * to this provider, and every look-up finds them there.
 *
 * <p>For those users, the attributes the database owns are read-only in Keycloak's user profile, as a read-only
 * LDAP federation makes its attributes: the admin console, the admin REST API and the account console refuse a
 * change with Keycloak's own read-only error, and the next sync would have undone it anyway. Keycloak asks only
 * for users whose federation link is this provider, so the realm's other users keep the realm's rules.
 */
final class PersonnelDatabaseStorageProvider implements UserStorageProvider, UserProfileDecorator {

    /** What the personnel database owns (docs/personnel-database.md, Who owns which attribute). */
    static final List<String> DATABASE_OWNED = List.of(UserModel.LAST_NAME, UserModel.FIRST_NAME,
            PersonnelAttributes.NATIONAL_ID, PersonnelAttributes.BIRTH_DATE, PersonnelAttributes.AGENCY_CODE,
            PersonnelAttributes.EMPLOYMENT_STATUS);

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
    public void close() {
        // Nothing held: a sync opens and closes its own connection.
    }
}

package tw.ecpa.keycloak.personneldb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileMetadata;

import tw.ecpa.keycloak.model.PersonnelAttributes;

/**
 * For a user imported from the personnel database, what the database owns cannot be edited through Keycloak's
 * user profile, and what the person owns still can; the realm's own profile is left as it was.
 */
class DatabaseOwnedAttributesTest {

    private static final List<String> REALM_PROFILE = List.of(UserModel.USERNAME, UserModel.EMAIL, UserModel.LAST_NAME,
            UserModel.FIRST_NAME, PersonnelAttributes.NATIONAL_ID, PersonnelAttributes.EMPLOYMENT_STATUS,
            PersonnelAttributes.AGENCY_CODE, PersonnelAttributes.BIRTH_DATE, "phoneNumber", "egovMessages");

    private final UserProfileMetadata metadata = new UserProfileMetadata(UserProfileContext.USER_API);

    private boolean editable(AttributeMetadata attribute) {
        AttributeContext context = new AttributeContext(UserProfileContext.USER_API, mock(KeycloakSession.class),
                new AbstractMap.SimpleEntry<>(attribute.getName(), List.of("x")), mock(UserModel.class), attribute, null);
        return attribute.canEdit(context);
    }

    @Test
    void theDatabasesAttributesBecomeReadOnlyAndThePersonsStayEditable() {
        REALM_PROFILE.forEach(name -> metadata.addAttribute(name, 0, List.of()));

        List<AttributeMetadata> decorated = new PersonnelDatabaseStorageProvider().decorateUserProfile("component-id", metadata);

        assertThat(decorated).extracting(AttributeMetadata::getName).containsExactlyInAnyOrder(UserModel.LAST_NAME,
                UserModel.FIRST_NAME, PersonnelAttributes.NATIONAL_ID, PersonnelAttributes.EMPLOYMENT_STATUS,
                PersonnelAttributes.AGENCY_CODE, PersonnelAttributes.BIRTH_DATE);
        assertThat(decorated).noneMatch(this::editable);
        Map<String, Boolean> realmsOwn = metadata.getAttributes().stream()
                .collect(java.util.stream.Collectors.toMap(AttributeMetadata::getName, this::editable));
        assertThat(realmsOwn).as("the realm's profile is not changed").doesNotContainValue(false);
    }

    @Test
    void anAttributeTheRealmsProfileLacksIsNotAdded() {
        metadata.addAttribute(UserModel.LAST_NAME, 0, List.of());

        assertThat(new PersonnelDatabaseStorageProvider().decorateUserProfile("component-id", metadata))
                .extracting(AttributeMetadata::getName).containsExactly(UserModel.LAST_NAME);
    }
}

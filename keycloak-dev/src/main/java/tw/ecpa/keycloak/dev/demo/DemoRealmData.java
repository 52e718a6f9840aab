package tw.ecpa.keycloak.dev.demo;

import java.security.SecureRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tw.ecpa.keycloak.core.account.CustomAccount;
import tw.ecpa.keycloak.model.AgencyAttributes;
import tw.ecpa.keycloak.model.PersonnelAttributes;

/**
 * The demo agencies and personnel in Keycloak's representation format ({@code groups} and
 * {@code users}), so that the same document serves the admin API's partial import (dev launcher) and a
 * realm representation (integration tests). Written with Jackson alone: keycloak-dev does not depend
 * on Keycloak's classes; the attribute names are the model module's plain constants.
 *
 * <p>Nobody gets a password here: there is no default password anywhere. People without a custom
 * account get a placeholder username that cannot be mistaken for an ID and that no custom account may
 * take (the {@value #PLACEHOLDER_PREFIX} prefix).
 */
public final class DemoRealmData {

    /** The root group under which the agency hierarchy lives, as in the ecpa realm template. */
    public static final String AGENCIES_GROUP = AgencyAttributes.ROOT_GROUP;
    public static final String PLACEHOLDER_PREFIX = CustomAccount.PLACEHOLDER_PREFIX;

    private final DemoPersonnel personnel;
    private final SecureRandom random = new SecureRandom();

    public DemoRealmData(DemoPersonnel personnel) {
        this.personnel = personnel;
    }

    /** {@code {"groups": [...], "users": [...]}} in Keycloak's JSON. */
    public ObjectNode toRepresentation() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode agencies = root.putArray("groups").addObject().put("name", AGENCIES_GROUP);
        agencies.putObject("attributes");
        addSubAgencies(agencies.putArray("subGroups"), null);
        ArrayNode users = root.putArray("users");
        personnel.personnel().forEach(person -> users.add(user(person)));
        return root;
    }

    public String toJson() {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toRepresentation());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void addSubAgencies(ArrayNode into, String parentCode) {
        personnel.agencies().stream()
                .filter(a -> parentCode == null ? a.parent() == null : parentCode.equals(a.parent()))
                .forEach(agency -> {
                    ObjectNode group = into.addObject().put("name", agency.name());
                    ObjectNode attributes = group.putObject("attributes");
                    attributes.putArray(AgencyAttributes.CODE).add(agency.code());
                    attributes.putArray(AgencyAttributes.OID).add(agency.oid());
                    attributes.putArray(AgencyAttributes.NAME_EN).add(agency.nameEn());
                    addSubAgencies(group.putArray("subGroups"), agency.code());
                });
    }

    private ObjectNode user(DemoPersonnel.Person person) {
        ObjectNode user = JsonNodeFactory.instance.objectNode()
                .put("username", person.customAccount().orElseGet(this::placeholderUsername))
                .put("enabled", true)
                .put("email", person.email())
                .put("emailVerified", true)
                .put("firstName", person.firstName())
                .put("lastName", person.lastName());
        ObjectNode attributes = user.putObject("attributes");
        attributes.putArray(PersonnelAttributes.NATIONAL_ID).add(person.nationalId());
        attributes.putArray(PersonnelAttributes.EMPLOYMENT_STATUS).add(person.employmentStatus());
        attributes.putArray(PersonnelAttributes.AGENCY_CODE).add(person.agencyCode());
        attributes.putArray(PersonnelAttributes.BIRTH_DATE).add(person.birthDate().toString());
        attributes.putArray("locale").add("zh-Hant");
        user.putArray("groups").add(personnel.groupPath(person.agencyCode()));
        ArrayNode roles = user.putArray("realmRoles");
        roles.add("default-roles-ecpa");
        person.realmRole().ifPresent(roles::add);
        return user;
    }

    private String placeholderUsername() {
        return CustomAccount.newPlaceholder(random);
    }
}

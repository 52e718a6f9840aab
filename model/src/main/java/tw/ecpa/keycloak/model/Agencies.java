package tw.ecpa.keycloak.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The agency hierarchy as the realm keeps it ({@link AgencyAttributes}): the groups below
 * {@code /agencies}. Looked up by attribute, so a request never walks the whole tree; a group elsewhere
 * that happens to carry an agency's code or OID names no agency.
 */
public final class Agencies {

    private final KeycloakSession session;
    private final RealmModel realm;

    public Agencies(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public Optional<GroupModel> byCode(String code) {
        return byAttribute(AgencyAttributes.CODE, code).findFirst();
    }

    /** The agency whose agency certificate carries {@code oid}; only an agency with a code counts, its account is named by it. */
    public Optional<GroupModel> byOid(String oid) {
        return byAttribute(AgencyAttributes.OID, oid).filter(agency -> codeOf(agency) != null).findFirst();
    }

    /** Whether {@code code} is {@code ancestorCode} itself or an agency below it. */
    public boolean isWithin(String code, String ancestorCode) {
        if (ancestorCode == null) {
            return false;
        }
        Optional<GroupModel> agency = byCode(code);
        while (agency.isPresent()) {
            if (ancestorCode.equals(codeOf(agency.get()))) {
                return true;
            }
            agency = parentOf(agency.get());
        }
        return false;
    }

    /** The agencies at and below {@code code}, the ones a personnel chief administers. */
    public Stream<GroupModel> subtree(String code) {
        return byCode(code).stream().flatMap(Agencies::withDescendants);
    }

    /** The agency's name in the reader's language, or the code itself when no agency has it. */
    public String nameOf(String code, Locale locale) {
        return byCode(code).map(agency -> nameOf(agency, locale)).orElse(code);
    }

    /** The group's name is the official Chinese name; English pages show {@value AgencyAttributes#NAME_EN} when there is one. */
    public static String nameOf(GroupModel agency, Locale locale) {
        String english = agency.getFirstAttribute(AgencyAttributes.NAME_EN);
        boolean wantsEnglish = locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        return wantsEnglish && english != null && !english.isBlank() ? english : agency.getName();
    }

    /** The agency's code; null for a group without one. */
    public static String codeOf(GroupModel agency) {
        String code = agency.getFirstAttribute(AgencyAttributes.CODE);
        return code == null || code.isBlank() ? null : code;
    }

    /** The agency above this one; empty for a top agency, whose parent is {@code /agencies} itself. */
    public static Optional<GroupModel> parentOf(GroupModel agency) {
        return Optional.ofNullable(agency.getParent()).filter(Agencies::isAgency);
    }

    /** The agencies directly below this one. */
    public static Stream<GroupModel> childrenOf(GroupModel agency) {
        return agency.getSubGroupsStream();
    }

    /** Whether the group is an agency: somewhere below the top-level group {@value AgencyAttributes#ROOT_GROUP}, not that group itself. */
    public static boolean isAgency(GroupModel group) {
        GroupModel top = group;
        while (top.getParent() != null) {
            top = top.getParent();
        }
        return top != group && AgencyAttributes.ROOT_GROUP.equals(top.getName());
    }

    private Stream<GroupModel> byAttribute(String attribute, String value) {
        if (value == null || value.isBlank()) {
            return Stream.empty();
        }
        return session.groups().searchGroupsByAttributes(realm, Map.of(attribute, value), 0, 2).filter(Agencies::isAgency);
    }

    private static Stream<GroupModel> withDescendants(GroupModel agency) {
        return Stream.concat(Stream.of(agency), childrenOf(agency).flatMap(Agencies::withDescendants));
    }
}

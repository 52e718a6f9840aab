package tw.ecpa.keycloak.personnel;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The agency hierarchy as the realm keeps it: groups under {@code /agencies}, each with the attributes
 * {@value #CODE} and {@value #OID}. Looked up by attribute, so a request never walks the whole tree.
 */
final class Agencies {

    static final String ROOT = "agencies";
    static final String CODE = "agencyCode";
    static final String OID = "agencyOid";
    static final String NAME_EN = "agencyNameEn";

    private final KeycloakSession session;
    private final RealmModel realm;

    Agencies(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    Optional<GroupModel> byCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return session.groups().searchGroupsByAttributes(realm, Map.of(CODE, code), 0, 2)
                .filter(this::isAgency)
                .findFirst();
    }

    /** Whether {@code code} is {@code ancestorCode} itself or an agency below it. */
    boolean isWithin(String code, String ancestorCode) {
        if (ancestorCode == null) {
            return false;
        }
        GroupModel group = byCode(code).orElse(null);
        while (group != null) {
            if (ancestorCode.equals(group.getFirstAttribute(CODE))) {
                return true;
            }
            group = group.getParent();
        }
        return false;
    }

    /** The agencies at and below {@code code}, the ones a personnel chief administers. */
    Stream<GroupModel> subtree(String code) {
        return byCode(code).stream().flatMap(Agencies::withDescendants);
    }

    /** The agency's name in the reader's language: the group name is the official Chinese name. */
    String nameOf(String code, Locale locale) {
        return byCode(code).map(group -> {
            String english = group.getFirstAttribute(NAME_EN);
            boolean wantsEnglish = locale != null && "en".equals(locale.getLanguage());
            return wantsEnglish && english != null && !english.isBlank() ? english : group.getName();
        }).orElse(code);
    }

    private boolean isAgency(GroupModel group) {
        GroupModel top = group;
        while (top.getParent() != null) {
            top = top.getParent();
        }
        return top != group && ROOT.equals(top.getName());
    }

    private static Stream<GroupModel> withDescendants(GroupModel group) {
        return Stream.concat(Stream.of(group), group.getSubGroupsStream().flatMap(Agencies::withDescendants));
    }
}

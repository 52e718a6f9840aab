package tw.ecpa.keycloak.personnel;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** The agencies whose personnel a caller may reach: a fixed set of agency codes, or the whole realm. */
final class AgencyScope {

    private static final AgencyScope WHOLE_REALM = new AgencyScope(Set.of(), true);

    private final Set<String> agencyCodes;
    private final boolean wholeRealm;

    private AgencyScope(Set<String> agencyCodes, boolean wholeRealm) {
        this.agencyCodes = agencyCodes;
        this.wholeRealm = wholeRealm;
    }

    static AgencyScope wholeRealm() {
        return WHOLE_REALM;
    }

    static AgencyScope of(Set<String> agencyCodes) {
        Set<String> codes = new LinkedHashSet<>();
        agencyCodes.stream().filter(c -> c != null && !c.isBlank()).forEach(codes::add);
        return new AgencyScope(Collections.unmodifiableSet(codes), false);
    }

    boolean reaches(String agencyCode) {
        return wholeRealm || agencyCode != null && agencyCodes.contains(agencyCode);
    }

    boolean isWholeRealm() {
        return wholeRealm;
    }

    Set<String> agencyCodes() {
        return agencyCodes;
    }
}

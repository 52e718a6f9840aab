package tw.ecpa.keycloak.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AgencyScopeTest {

    @Test
    void anOfficerReachesOwnAndConcurrentAgenciesOnly() {
        AgencyScope scope = AgencyScope.of(Set.of("X10010000A", "X10021000A"));
        assertThat(scope.reaches("X10010000A")).isTrue();
        assertThat(scope.reaches("X10021000A")).isTrue();
        assertThat(scope.reaches("X10020000A")).as("not the parent of a concurrent agency").isFalse();
        assertThat(scope.reaches(null)).as("a record without agency is nobody's").isFalse();
        assertThat(scope.isWholeRealm()).isFalse();
    }

    @Test
    void blankCodesGrantNothing() {
        AgencyScope scope = AgencyScope.of(new HashSet<>(Arrays.asList("", " ", null)));
        assertThat(scope.agencyCodes()).isEmpty();
        assertThat(scope.reaches("")).isFalse();
    }

    @Test
    void theHelpDeskReachesTheWholeRealm() {
        assertThat(AgencyScope.wholeRealm().reaches("X10021000A")).isTrue();
        assertThat(AgencyScope.wholeRealm().reaches(null)).isTrue();
    }
}

package tw.ecpa.keycloak.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tw.ecpa.keycloak.personnel.ResetTargetRule.Standing;

class ResetTargetRuleTest {

    @ParameterizedTest(name = "{0} (chief: {1}) resets {2}: {3}")
    @CsvSource({
            "OFFICER, false, STAFF, true",
            "OFFICER, false, OFFICER, false",
            "OFFICER, false, CHIEF, false",
            "OFFICER, true, OFFICER, true",
            "OFFICER, true, CHIEF, false",
            "AGENCY_CERTIFICATE, false, STAFF, true",
            "AGENCY_CERTIFICATE, false, OFFICER, false",
            "AGENCY_CERTIFICATE, false, CHIEF, false",
            "HELP_DESK, false, STAFF, true",
            "HELP_DESK, false, OFFICER, true",
            "HELP_DESK, false, CHIEF, true",
            "HELP_DESK, false, HELP_DESK, false",
            "HELP_DESK, false, PRIVILEGED, false",
            "OFFICER, true, HELP_DESK, false",
            "OFFICER, true, PRIVILEGED, false",
            "AGENCY_CERTIFICATE, false, PRIVILEGED, false"
    })
    void eachWayOfResettingReachesOnlyThoseBelowIt(ResetMethod method, boolean chief, Standing target, boolean allowed) {
        assertThat(ResetTargetRule.mayReset(method, chief, target)).isEqualTo(allowed);
    }
}

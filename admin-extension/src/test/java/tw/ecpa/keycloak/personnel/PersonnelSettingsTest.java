package tw.ecpa.keycloak.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonnelSettingsTest {

    @Test
    void byDefaultOnlyTheHelpDeskNeedsTheCertificateLevel() {
        assertThat(PersonnelSettings.DEFAULTS.certificateLevelFor()).containsExactly(ResetMethod.HELP_DESK);
        assertThat(PersonnelSettings.DEFAULTS.protectedRoles()).isEmpty();
    }

    @Test
    void theCertificateLevelListNamesWaysOfResetting() {
        assertThat(PersonnelSettings.methods(" help-desk , officer ")).containsExactlyInAnyOrder(ResetMethod.HELP_DESK, ResetMethod.OFFICER);
        assertThat(PersonnelSettings.methods("")).isEmpty();
    }

    @Test
    void anUnknownWayOfResettingStopsTheServerWithItsName() {
        assertThatThrownBy(() -> PersonnelSettings.methods("helpdesk"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("helpdesk");
    }
}

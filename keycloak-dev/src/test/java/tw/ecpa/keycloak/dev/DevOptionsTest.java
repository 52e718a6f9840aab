package tw.ecpa.keycloak.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DevOptionsTest {

    @Test
    void noOptionsIsOneNodeOnTheEmbeddedDatabase() {
        assertThat(DevOptions.parse(List.of())).isEqualTo(new DevOptions(false, 1, true));
    }

    @Test
    void postgresWithTwoNodesIsACluster() {
        assertThat(DevOptions.parse(List.of("--db=postgres", "--nodes=2"))).isEqualTo(new DevOptions(true, 2, false));
        assertThat(DevOptions.parse(List.of("--db=postgres"))).isEqualTo(new DevOptions(true, 1, false));
    }

    @Test
    void onH2ThePersonnelComeFromThePersonnelDatabaseUnlessTheRealmImportIsAskedFor() {
        assertThat(DevOptions.parse(List.of()).personnelDatabase()).isTrue();
        assertThat(DevOptions.parse(List.of("--personnel=database")).personnelDatabase()).isTrue();
        assertThat(DevOptions.parse(List.of("--personnel=realm-import"))).isEqualTo(new DevOptions(false, 1, false));
        assertThat(DevOptions.parse(List.of("--db=postgres", "--personnel=realm-import"))).isEqualTo(new DevOptions(true, 1, false));
        assertThatThrownBy(() -> DevOptions.parse(List.of("--db=postgres", "--personnel=database")))
                .hasMessageContaining("no H2 driver").hasMessageContaining("usage:");
        assertThatThrownBy(() -> DevOptions.parse(List.of("--personnel=ldap"))).hasMessageContaining("database or realm-import")
                .hasMessageContaining("usage:");
    }

    @Test
    void severalNodesOnH2AreRefusedWithWhatToAdd() {
        assertThatThrownBy(() -> DevOptions.parse(List.of("--nodes=2"))).hasMessageContaining("add --db=postgres");
    }

    @Test
    void badValuesAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> DevOptions.parse(List.of("--db=mysql"))).hasMessageContaining("dev-file or postgres").hasMessageContaining("usage:");
        assertThatThrownBy(() -> DevOptions.parse(List.of("--db=postgres", "--nodes=two"))).hasMessageContaining("takes a number");
        assertThatThrownBy(() -> DevOptions.parse(List.of("--db=postgres", "--nodes=9"))).hasMessageContaining("1 to 4");
        assertThatThrownBy(() -> DevOptions.parse(List.of("--verbose"))).hasMessageContaining("unknown option --verbose");
    }
}

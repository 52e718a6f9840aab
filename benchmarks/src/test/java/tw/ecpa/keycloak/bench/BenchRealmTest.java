package tw.ecpa.keycloak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import tw.ecpa.keycloak.dev.demo.DemoPersonnel;
import tw.ecpa.keycloak.model.PersonnelAttributes;

/**
 * The bench officers are imported as the personnel API expects its callers: the chief with the id the
 * officers' grants name, each officer granted resets for their own agency by him, everyone a password.
 */
class BenchRealmTest {

    private final BenchPeople people = new BenchPeople(2, 2, 2, 8);

    @Test
    void theOfficersCarryTheirChiefsResetGrantForTheirOwnAgency() {
        List<JsonNode> users = new ArrayList<>();
        BenchRealm.users(DemoPersonnel.load(), people.officers()).forEach(users::add);
        assertThat(users).hasSize(4);
        JsonNode chief = users.get(0);
        assertThat(chief.path("id").asText()).isEqualTo(BenchRealm.BENCH_CHIEF_ID);
        assertThat(chief.path("realmRoles").toString()).contains("personnel-chief");
        assertThat(chief.path("attributes").has("ecpaResetGranted")).isFalse();
        for (JsonNode officer : users.subList(1, 4)) {
            JsonNode attributes = officer.path("attributes");
            assertThat(officer.path("realmRoles").toString()).contains("personnel-officer");
            assertThat(officer.has("id")).isFalse();
            assertThat(attributes.path("ecpaResetGranted").get(0).asText()).isEqualTo("true");
            assertThat(attributes.path("ecpaGrantedForAgency").get(0).asText()).isEqualTo(attributes.path(PersonnelAttributes.AGENCY_CODE).get(0).asText());
            assertThat(attributes.path("ecpaGrantedBy").get(0).asText()).isEqualTo(BenchRealm.BENCH_CHIEF_ID);
        }
        for (JsonNode user : users) {
            assertThat(user.path("credentials").get(0).path("value").asText()).isEqualTo(BenchPeople.PASSWORD);
        }
    }

    @Test
    void nobodyElseGetsAGrant() {
        List<DemoPersonnel.Person> others = new ArrayList<>(people.pool());
        others.addAll(people.resetTargets());
        for (JsonNode user : BenchRealm.users(DemoPersonnel.load(), others)) {
            assertThat(user.path("attributes").has("ecpaResetGranted")).as(user.path("username").asText()).isFalse();
            assertThat(user.has("id")).isFalse();
        }
    }
}

package tw.ecpa.keycloak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.dev.demo.DemoPersonnel;
import tw.ecpa.keycloak.dev.demo.DemoPersonnel.Person;
import tw.ecpa.keycloak.dev.pki.DemoCards;

/** The bench datasets hold valid, distinct people, the same ones in every dataset, each card holder with a card. */
class BenchPeopleTest {

    private final BenchPeople people = new BenchPeople(10, 10, 20, 10);

    @Test
    void everyNationalIdIsValidAndNoTwoRecordsShareOneWithEachOtherOrTheDemoData() {
        List<Person> all = new ArrayList<>(people.active());
        all.addAll(people.fillers(0, 5_000));
        all.addAll(DemoPersonnel.load().personnel());
        Set<String> ids = new HashSet<>();
        for (Person person : all) {
            assertThat(NationalId.isValid(person.nationalId())).as(person.nationalId()).isTrue();
            assertThat(ids.add(person.nationalId())).as("duplicate %s", person.nationalId()).isTrue();
        }
    }

    @Test
    void theSamePositionIsTheSamePersonInEveryDataset() {
        assertThat(new BenchPeople(10, 10, 20, 10).pool()).isEqualTo(people.pool());
        assertThat(BenchPeople.nationalId('P', 7)).isEqualTo(people.pool().get(7).nationalId());
    }

    @Test
    void thePoolAndTheNewcomersHoldCardsAndNobodyElseDoes() {
        DemoCards cards = DemoCards.from(people.withDemo(DemoPersonnel.load()));
        for (Person person : people.pool()) {
            assertThat(cards.ownCardOf(NationalId.of(person.nationalId()))).as(person.account()).isPresent();
        }
        for (Person person : people.newcomers()) {
            assertThat(cards.ownCardOf(NationalId.of(person.nationalId()))).isPresent();
            assertThat(person.account()).isNull();
            assertThat(person.email()).isNull();
        }
        for (Person person : people.stockUsers()) {
            assertThat(cards.ownCardOf(NationalId.of(person.nationalId()))).isEmpty();
        }
    }

    @Test
    void eachPassOfARunBindsNewcomersOfItsOwnAndTogetherTheyBindThemAll() {
        List<Person> newcomers = people.newcomers();
        List<Person> first = BenchPeople.share(newcomers, 1, 2);
        List<Person> second = BenchPeople.share(newcomers, 2, 2);
        assertThat(first).hasSize(10).doesNotContainAnyElementsOf(second);
        List<Person> both = new ArrayList<>(first);
        both.addAll(second);
        assertThat(both).containsExactlyElementsOf(newcomers);
        assertThat(BenchPeople.share(newcomers, 1, 1)).containsExactlyElementsOf(newcomers);
        assertThat(BenchPeople.share(List.of(1, 2, 3), 1, 2)).containsExactly(1);
        assertThat(BenchPeople.share(List.of(1, 2, 3), 2, 2)).containsExactly(2, 3);
    }

    @Test
    void eachAgencyHasOneBenchOfficerWhoseResetTargetsServeThereAndTogetherAreAllOfThem() {
        List<Person> officers = people.officers();
        assertThat(officers).extracting(Person::agencyCode).doesNotHaveDuplicates().hasSize(4);
        assertThat(officers).extracting(Person::role).containsExactly("personnel-chief", "personnel-officer", "personnel-officer", "personnel-officer");
        List<Person> reset = new ArrayList<>();
        for (Person officer : officers) {
            List<Person> targets = people.resetTargetsOf(officer);
            assertThat(targets).isNotEmpty().allSatisfy(t -> assertThat(t.agencyCode()).isEqualTo(officer.agencyCode()));
            reset.addAll(targets);
        }
        assertThat(reset).containsExactlyInAnyOrderElementsOf(people.resetTargets());
        assertThat(people.active()).containsAll(officers);
    }
}

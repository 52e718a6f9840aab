package tw.ecpa.keycloak.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.dev.demo.DemoPersonnel;
import tw.ecpa.keycloak.dev.demo.DemoPersonnel.Person;
import tw.ecpa.keycloak.model.PersonnelAttributes;

/**
 * The benchmark's personnel records, derived from their position alone so that the short run's realm and
 * the 400,000-record database hold the same people with the same IDs, and the test PKI's cards fit both.
 *
 * <p>Groups (each its own national-ID letter, so they never collide with each other or the demo data):
 * <ul>
 *   <li>stock users (S): custom account and password; log in through Keycloak's stock browser flow, the
 *       baseline;</li>
 *   <li>the pool (P): custom account, e-mail, password and a citizen card; ECPA account login by national ID
 *       and by custom account, and certificate login once the card is bound;</li>
 *   <li>newcomers (N): a card but no custom account and no e-mail, as the personnel import leaves them;
 *       each is used once by the first-certificate binding and setup;</li>
 *   <li>officers (O): one per bench agency, custom account and password; the first is a personnel chief, the
 *       others personnel officers whom that chief granted the reset permission over their own agency; each
 *       virtual user of the reset flow is one of them, so that the personnel API is measured under the
 *       concurrency of several officers (one officer's simultaneous logins are refused by brute force);</li>
 *   <li>reset targets (R): serving in the four agencies in turn, with an e-mail on file; officer {@code k}
 *       resets the ones of agency {@code k};</li>
 *   <li>fillers: placeholder records up to the dataset's size; nobody logs in as them.</li>
 * </ul>
 */
public final class BenchPeople {

    /** The bench people's password: test data, on a loopback server only. Passes the realm's policies. */
    public static final String PASSWORD = "Bench-Pass-2026";
    public static final String PIN = "246810";
    public static final String CHIEF_ROLE = "personnel-chief";
    public static final String OFFICER_ROLE = "personnel-officer";
    public static final LocalDate BIRTH_DATE = LocalDate.of(1980, 5, 12);

    private static final String[] AGENCIES = {"X10000000A", "X10010000A", "X10020000A", "X10021000A"};

    private final int stock;
    private final int pool;
    private final int newcomers;
    private final int resetTargets;

    public BenchPeople(int stock, int pool, int newcomers, int resetTargets) {
        this.stock = stock;
        this.pool = pool;
        this.newcomers = newcomers;
        this.resetTargets = resetTargets;
    }

    public static BenchPeople fromSystemProperties() {
        return new BenchPeople(Integer.getInteger("bench.people.stock", 100), Integer.getInteger("bench.people.pool", 100),
                Integer.getInteger("bench.people.newcomers", 600), Integer.getInteger("bench.people.resetTargets", 100));
    }

    public List<Person> stockUsers() {
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < stock; i++) {
            out.add(person('S', i, "bench.stock" + number(i), email("bench.stock", i), AGENCIES[i % 4], null));
        }
        return out;
    }

    public List<Person> pool() {
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < pool; i++) {
            out.add(person('P', i, "bench.pool" + number(i), email("bench.pool", i), AGENCIES[i % 4], PIN));
        }
        return out;
    }

    /**
     * Part {@code part} (from 1) of {@code parts} nearly equal, consecutive parts of {@code people}: each pass
     * of a run that measures the binding more than once (one node, then the cluster) binds newcomers of its own,
     * since a newcomer is bound only once.
     */
    public static <T> List<T> share(List<T> people, int part, int parts) {
        if (parts < 1 || part < 1 || part > parts) {
            throw new IllegalArgumentException("part " + part + " of " + parts);
        }
        return people.subList(people.size() * (part - 1) / parts, people.size() * part / parts);
    }

    /** No e-mail and no account: the card is named {@code citizen-holder-<position>} by the card catalogue. */
    public List<Person> newcomers() {
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < newcomers; i++) {
            out.add(person('N', i, null, null, AGENCIES[i % 4], PIN));
        }
        return out;
    }

    public List<Person> resetTargets() {
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < resetTargets; i++) {
            out.add(person('R', i, null, email("bench.reset", i), AGENCIES[i % AGENCIES.length], null));
        }
        return out;
    }

    /**
     * One per bench agency, in the order of {@link #AGENCIES}: the first, at the top agency, is a personnel
     * chief; the others are officers of the agencies under it, granted resets by that chief ({@link BenchRealm}).
     */
    public List<Person> officers() {
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < AGENCIES.length; i++) {
            out.add(new Person(nationalId('O', i), "測", "試O" + number(i), BIRTH_DATE, email("bench.officer", i), AGENCIES[i],
                    PersonnelAttributes.SERVING, i == 0 ? CHIEF_ROLE : OFFICER_ROLE, "bench.officer" + number(i), null));
        }
        return out;
    }

    /** The reset targets serving in the agency of {@code officer} (one of {@link #officers}): the ones they reset. */
    public List<Person> resetTargetsOf(Person officer) {
        return resetTargets().stream().filter(p -> p.agencyCode().equals(officer.agencyCode())).toList();
    }

    /** Placeholder records {@code from} (inclusive) to {@code to} (exclusive), no card, no account. */
    public List<Person> fillers(int from, int to) {
        List<Person> out = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            out.add(person('F', i, null, null, AGENCIES[i % 4], null));
        }
        return out;
    }

    /** Everyone who logs in or is reset: the part of every dataset that is not filler. */
    public List<Person> active() {
        List<Person> out = new ArrayList<>(stockUsers());
        out.addAll(pool());
        out.addAll(newcomers());
        out.addAll(resetTargets());
        out.addAll(officers());
        return out;
    }

    /**
     * The personnel the bench PKI and holder check are made from: the demo data (whose cards the demo
     * realm needs) plus the pool and the newcomers, whose cards the simulations use.
     */
    public DemoPersonnel withDemo(DemoPersonnel demo) {
        List<Person> all = new ArrayList<>(demo.personnel());
        all.addAll(pool());
        all.addAll(newcomers());
        return new DemoPersonnel(demo.agencies(), all, demo.cardsWithoutRecord());
    }

    /**
     * A valid national ID: the group letter, a sex digit, seven digits from the position and the check
     * digit. Seven digits give ten million records per group and letter.
     */
    public static String nationalId(char letter, int position) {
        String body = (position % 2 == 0 ? "1" : "2") + String.format("%07d", position);
        for (int check = 0; check < 10; check++) {
            String candidate = letter + body + check;
            if (NationalId.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no check digit for " + letter + body);
    }

    /** The national IDs of a set of people, to check that no two records share one. */
    public static Set<String> ids(List<Person> people) {
        return people.stream().map(Person::nationalId).collect(Collectors.toSet());
    }

    private static Person person(char group, int i, String account, String email, String agency, String pin) {
        return new Person(nationalId(group, i), "測", "試" + group + number(i), BIRTH_DATE, email, agency, PersonnelAttributes.SERVING,
                null, account, pin);
    }

    private static String email(String prefix, int i) {
        return prefix + number(i) + "@bench.ecpa.test";
    }

    static String number(int i) {
        return String.format("%06d", i);
    }
}

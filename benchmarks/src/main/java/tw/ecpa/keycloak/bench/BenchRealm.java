package tw.ecpa.keycloak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tw.ecpa.keycloak.dev.demo.DemoPersonnel;
import tw.ecpa.keycloak.dev.demo.DemoRealmData;
import tw.ecpa.keycloak.dev.demo.DevRealmImport;
import tw.ecpa.keycloak.dev.pki.TestPki;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;
import tw.ecpa.keycloak.model.PersonnelAttributes;

/**
 * The realm the benchmark runs against, in Keycloak's export format: the bundle's template as an operator
 * imports it, the demo agencies and personnel (the dev launcher's {@link DevRealmImport}), the bench card
 * world as certificate trust, and {@code records} personnel records in all: the bench people plus
 * placeholder records. Stock users and the pool get {@link BenchPeople#PASSWORD}; nobody else has one.
 */
final class BenchRealm {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int USERS_PER_FILE = 1000;
    /** The bench chief's user id, fixed so that the officers' grants can name their grantor in the same import. */
    static final String BENCH_CHIEF_ID = "be4c0000-0000-4000-8000-0000000c41ef";

    private final DevRealmImport template;
    private final DemoPersonnel demo;
    private final BenchPeople people;
    private final int records;

    BenchRealm(Path bundle, DemoPersonnel demo, BenchPeople people, int records, int smtpPort, TestPki pki, String holderCheckUrl) {
        this.demo = demo;
        this.people = people;
        this.records = records;
        this.template = DevRealmImport.fromBundle(bundle).withDemoPersonnel(demo).withSmtp(smtpPort)
                .withCardWorld(CertificateConfiguration.trusting(pki, "http://localhost:61161"), holderCheckUrl);
    }

    String realmName() {
        return template.realmName();
    }

    /** The demo accounts' passwords of this realm file (the personnel chief does the resets). */
    Map<String, String> demoPasswords() {
        return template.passwords();
    }

    /** Everything in one realm file, for {@code --import-realm} (the 1,000-record run). */
    void writeRealmFile(Path file) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(template.toJson());
        ArrayNode users = (ArrayNode) realm.get("users");
        users.addAll(users(people.active()));
        users.addAll(users(people.fillers(0, fillerCount())));
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), realm);
    }

    /**
     * The realm file plus users files of {@value #USERS_PER_FILE} records each, the layout of Keycloak's
     * export with {@code --users different_files}, for {@code kc.sh import --dir}.
     */
    void writeImportDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectNode realm = (ObjectNode) JSON.readTree(template.toJson());
        JSON.writeValue(dir.resolve(realmName() + "-realm.json").toFile(), realm);
        int file = 0;
        List<DemoPersonnel.Person> active = people.active();
        for (int from = 0; from < active.size(); from += USERS_PER_FILE) {
            writeUsersFile(dir, file++, users(active.subList(from, Math.min(active.size(), from + USERS_PER_FILE))));
        }
        int fillers = fillerCount();
        for (int from = 0; from < fillers; from += USERS_PER_FILE) {
            writeUsersFile(dir, file++, users(people.fillers(from, Math.min(fillers, from + USERS_PER_FILE))));
        }
    }

    private int fillerCount() {
        int fillers = records - demo.personnel().size() - people.active().size();
        if (fillers < 0) {
            throw new IllegalArgumentException(records + " records cannot hold the demo and bench people ("
                    + (demo.personnel().size() + people.active().size()) + ")");
        }
        return fillers;
    }

    private void writeUsersFile(Path dir, int number, ArrayNode users) throws IOException {
        ObjectNode file = JSON.createObjectNode().put("realm", realmName());
        file.set("users", users);
        JSON.writeValue(dir.resolve(realmName() + "-users-" + number + ".json").toFile(), file);
    }

    /**
     * The people as Keycloak users, exactly as the demo data makes them, plus the bench password; the bench
     * officers also get the reset grant of their chief (below).
     */
    private ArrayNode users(List<DemoPersonnel.Person> persons) {
        return users(demo, persons);
    }

    /** {@link #users(List)} with the agencies of {@code demo}. */
    static ArrayNode users(DemoPersonnel demo, List<DemoPersonnel.Person> persons) {
        ArrayNode users = (ArrayNode) new DemoRealmData(new DemoPersonnel(demo.agencies(), persons, List.of()))
                .toRepresentation().get("users");
        for (JsonNode user : users) {
            String username = user.path("username").asText();
            if (username.startsWith("bench.stock") || username.startsWith("bench.pool") || username.startsWith("bench.officer")) {
                ((ObjectNode) user).putArray("credentials").addObject()
                        .put("type", "password").put("value", BenchPeople.PASSWORD).put("temporary", false);
            }
            if (username.startsWith("bench.officer")) {
                grantResets((ObjectNode) user);
            }
        }
        return users;
    }

    /**
     * The bench chief gets a fixed id, and each bench officer the reset grant over their own agency given by
     * that chief, as the chief's 【權限與兼辦管理】 writes it (the attributes of the admin extension's
     * {@code OfficerGrants}, which the API checks on every request: granted for the officer's agency, by a
     * serving chief over it). Written into the import rather than through the API, so that the 1,000 and the
     * 400,000-record databases get them the same way.
     */
    private static void grantResets(ObjectNode user) {
        JsonNode roles = user.path("realmRoles");
        ObjectNode attributes = (ObjectNode) user.path("attributes");
        boolean chief = false;
        for (JsonNode role : roles) {
            chief |= BenchPeople.CHIEF_ROLE.equals(role.asText());
        }
        if (chief) {
            user.put("id", BENCH_CHIEF_ID);
            return;
        }
        String agency = attributes.path(PersonnelAttributes.AGENCY_CODE).get(0).asText();
        attributes.putArray("ecpaResetGranted").add("true");
        attributes.putArray("ecpaGrantedForAgency").add(agency);
        attributes.putArray("ecpaGrantedBy").add(BENCH_CHIEF_ID);
    }
}

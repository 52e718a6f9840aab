package tw.ecpa.keycloak.dev.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import tw.ecpa.keycloak.model.PersonnelAttributes;

/**
 * The demo agencies and personnel of {@code demo/personnel.json}: the one source for the demo realm,
 * the test PKI's citizen cards and the holder-check responder. Fictional people, invented IDs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DemoPersonnel(List<Agency> agencies, List<Person> personnel, List<Person> cardsWithoutRecord) {

    private static final String RESOURCE = "/demo/personnel.json";

    /** An agency (機關); {@code parent} is the parent agency's code, null for the top one. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agency(String code, String name, String nameEn, String oid, String parent) {
    }

    /**
     * A person. {@code account} is the custom account of the few who have already set one up;
     * {@code cardPin} is present when the person holds a citizen card; {@code role} is a realm role.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String nationalId, String lastName, String firstName, LocalDate birthDate, String email,
                         String agencyCode, String employmentStatus, String role, String account, String cardPin) {

        public String fullName() {
            return isLatin(lastName) ? firstName + " " + lastName : lastName + firstName;
        }

        public boolean serving() {
            return PersonnelAttributes.SERVING.equals(employmentStatus);
        }

        public Optional<String> customAccount() {
            return Optional.ofNullable(account);
        }

        public Optional<String> realmRole() {
            return Optional.ofNullable(role);
        }

        private static boolean isLatin(String s) {
            return s.chars().allMatch(c -> c < 0x80);
        }
    }

    public static DemoPersonnel load() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = DemoPersonnel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return mapper.readValue(in, DemoPersonnel.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Agency agency(String code) {
        return agencies.stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo agency " + code));
    }

    /** The agency's group path in the realm: {@code /agencies/示範部/示範部第一署}. */
    public String groupPath(String agencyCode) {
        Agency agency = agency(agencyCode);
        String parentPath = agency.parent() == null ? "/" + DemoRealmData.AGENCIES_GROUP : groupPath(agency.parent());
        return parentPath + "/" + agency.name();
    }

    /** People with a custom account already set up: the ones the dev launcher gives a password. */
    public List<Person> setUpPersonnel() {
        return personnel.stream().filter(p -> p.account() != null).toList();
    }
}

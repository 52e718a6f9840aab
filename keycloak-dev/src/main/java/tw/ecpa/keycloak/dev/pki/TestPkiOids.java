package tw.ecpa.keycloak.dev.pki;

/**
 * Object identifiers the test PKI writes into its certificates.
 *
 * <p>The two attribute OIDs are the ones MOICA and GCA use. The policy OIDs are not: production citizen
 * certificates carry MOICA's policies (under {@code 2.16.886.101.0.3}), and the test PKI must never look
 * like production, so it uses its own arc {@code 2.16.886.1.100.99}, which no real certificate carries.
 * A server configured for production policies therefore rejects every test certificate.
 */
public final class TestPkiOids {

    /** subjectDirectoryAttributes (2.5.29.9) attribute: the last four digits of the national ID, a PrintableString. */
    public static final String NATIONAL_ID_LAST_FOUR = "2.16.886.1.100.2.51";
    /** subjectDirectoryAttributes attribute of an agency certificate: the agency's OID, an OBJECT IDENTIFIER. */
    public static final String AGENCY_OID = "2.16.886.1.100.2.102";
    /** Certificate policy of the test PKI's citizen certificates. */
    public static final String CITIZEN_TEST_POLICY = "2.16.886.1.100.99.1";
    /** Certificate policy of the test PKI's agency certificates. */
    public static final String AGENCY_TEST_POLICY = "2.16.886.1.100.99.2";
    /** The policy of the wrong-policy variant: a test OID no profile accepts. */
    public static final String UNRECOGNISED_TEST_POLICY = "2.16.886.1.100.99.9";

    private TestPkiOids() {
    }
}

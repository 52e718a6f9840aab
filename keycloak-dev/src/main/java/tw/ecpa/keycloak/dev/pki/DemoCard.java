package tw.ecpa.keycloak.dev.pki;

import java.util.Objects;
import java.util.Optional;

import tw.ecpa.keycloak.core.NationalId;

/**
 * One virtual card of the catalogue: who holds it, its PIN, and what its certificate is meant to test.
 * The certificate itself is in {@link IssuedCard}.
 *
 * <p>{@link #toString()} leaves the PIN out and masks the national ID, so that a card can go into a log
 * line or an assertion message.
 */
public final class DemoCard {

    private static final int SUBJECT_SERIAL_DIGITS = 16;
    private static final int CARD_NUMBER_DIGITS = 12;

    private final String id;
    private final CardKind kind;
    private final CardVariant variant;
    private final String holderName;
    private final NationalId nationalId;
    private final String agencyCode;
    private final String agencyOid;
    private final String pin;
    private final String note;

    private DemoCard(String id, CardKind kind, CardVariant variant, String holderName, NationalId nationalId,
                     String agencyCode, String agencyOid, String pin, String note) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = kind;
        this.variant = variant;
        this.holderName = Objects.requireNonNull(holderName, "holderName");
        this.nationalId = nationalId;
        this.agencyCode = agencyCode;
        this.agencyOid = agencyOid;
        this.pin = Objects.requireNonNull(pin, "pin");
        this.note = note;
    }

    static DemoCard citizen(String id, CardVariant variant, String holderName, NationalId nationalId, String pin,
                            String note) {
        return new DemoCard(id, CardKind.CITIZEN, variant, holderName, Objects.requireNonNull(nationalId),
                null, null, pin, note);
    }

    static DemoCard agency(String id, String agencyName, String agencyCode, String agencyOid, String pin,
                           String note) {
        return new DemoCard(id, CardKind.AGENCY, CardVariant.VALID, agencyName, null, agencyCode,
                Objects.requireNonNull(agencyOid), pin, note);
    }

    public String id() {
        return id;
    }

    public CardKind kind() {
        return kind;
    }

    public CardVariant variant() {
        return variant;
    }

    /** The citizen's full name, or the agency's name. */
    public String holderName() {
        return holderName;
    }

    /** The holder's national ID; empty for an agency card. */
    public Optional<NationalId> nationalId() {
        return Optional.ofNullable(nationalId);
    }

    /** The national ID as lists show it ({@code A1*****789}); empty text for an agency card. */
    public String maskedNationalId() {
        return nationalId == null ? "" : nationalId.masked();
    }

    /** The demo agency's code; empty for citizen cards and for the agency card that matches no agency. */
    public Optional<String> agencyCode() {
        return Optional.ofNullable(agencyCode);
    }

    /** The agency OID the certificate carries; empty for citizen cards. */
    public Optional<String> agencyOid() {
        return Optional.ofNullable(agencyOid);
    }

    /** The card's PIN, which is also the password of its PKCS#12 file. Test data: never log it anyway. */
    public String pin() {
        return pin;
    }

    /** What the card is for, in a few words, for the launcher's table and the control page. */
    public String note() {
        return note;
    }

    /** The CA that issues this card's certificate. */
    public TestAuthority issuer() {
        if (kind == CardKind.AGENCY) {
            return TestAuthority.AGENCY_CA;
        }
        return switch (variant) {
            case UNTRUSTED_ISSUER -> TestAuthority.UNTRUSTED_CITIZEN_CA;
            case ISSUER_REVOKED -> TestAuthority.REVOKED_CITIZEN_CA;
            default -> TestAuthority.CITIZEN_CA;
        };
    }

    /**
     * The card number the reader reports as {@code cardSN}: {@code TP03} and twelve digits for a citizen
     * card, as printed on MOICA cards; {@code GC03} and twelve digits for an agency card (a test shape).
     */
    public String cardSerialNumber() {
        String prefix = kind == CardKind.CITIZEN ? "TP03" : "GC03";
        return prefix + DeterministicNumbers.digits("card-number/" + id, CARD_NUMBER_DIGITS);
    }

    /** The 16 digits of the citizen certificate's subject {@code serialNumber}. */
    public String subjectSerialNumber() {
        return DeterministicNumbers.digits("subject-serial/" + id, SUBJECT_SERIAL_DIGITS);
    }

    /** Everything that goes into the certificate or its PKCS#12 file, for the reuse check. */
    String identity() {
        return String.join("|", id, kind.name(), variant.name(), holderName,
                nationalId == null ? "" : nationalId.value(), agencyOid == null ? "" : agencyOid, pin);
    }

    @Override
    public String toString() {
        return "DemoCard[" + id + ", " + kind + ", " + variant + ", " + holderName
                + (nationalId == null ? "" : ", " + nationalId.masked()) + "]";
    }
}

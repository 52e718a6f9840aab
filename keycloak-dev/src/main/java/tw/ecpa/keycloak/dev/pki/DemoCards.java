package tw.ecpa.keycloak.dev.pki;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import tw.ecpa.keycloak.core.NationalId;
import tw.ecpa.keycloak.dev.demo.DemoPersonnel;
import tw.ecpa.keycloak.dev.demo.DemoPersonnel.Person;

/**
 * The catalogue of virtual cards, derived from the demo personnel so that the realm, the PKI and the
 * holder-check responder never disagree:
 * <ul>
 *   <li>{@code citizen-<account>}: the own card of each demo person with a {@code cardPin}, named after
 *       the local part of their e-mail address ({@code citizen-daming.wang});</li>
 *   <li>{@code citizen-no-record}: the card of a holder without a personnel record;</li>
 *   <li>{@code variant-<variant>}: one more card of the first card holder per {@link CardVariant}, with
 *       that holder's PIN;</li>
 *   <li>{@code agency-<code>}: one agency card per demo agency ({@code agency-x10000000a}), and
 *       {@code agency-unknown}, whose agency OID belongs to no demo agency.</li>
 * </ul>
 * Card ids never contain a national ID, so they may be logged.
 */
public final class DemoCards {

    /** The agency OID of {@code agency-unknown}: inside the demo arc, assigned to no demo agency. */
    public static final String UNKNOWN_AGENCY_OID = "2.16.886.101.99999.99999";

    private static final String UNKNOWN_AGENCY_NAME = "未登錄示範機關";
    private static final int AGENCY_PIN_DIGITS = 8;

    private final Map<String, DemoCard> cards;

    private DemoCards(List<DemoCard> cards) {
        Map<String, DemoCard> byId = new LinkedHashMap<>();
        for (DemoCard card : cards) {
            if (byId.put(card.id(), card) != null) {
                throw new IllegalArgumentException("two demo cards are called " + card.id());
            }
        }
        this.cards = byId;
    }

    /** The catalogue of {@code demo/personnel.json}. */
    public static DemoCards fromDemoData() {
        return from(DemoPersonnel.load());
    }

    public static DemoCards from(DemoPersonnel personnel) {
        List<DemoCard> cards = new ArrayList<>();
        List<Person> holders = personnel.personnel().stream().filter(p -> p.cardPin() != null).toList();
        if (holders.isEmpty()) {
            throw new IllegalArgumentException("the demo personnel hold no citizen card");
        }
        for (int i = 0; i < holders.size(); i++) {
            cards.add(ownCard(holders.get(i), i));
        }
        List<Person> withoutRecord = personnel.cardsWithoutRecord() == null ? List.of() : personnel.cardsWithoutRecord();
        for (int i = 0; i < withoutRecord.size(); i++) {
            Person holder = withoutRecord.get(i);
            String id = "citizen-no-record" + (i == 0 ? "" : "-" + (i + 1));
            cards.add(DemoCard.citizen(id, CardVariant.VALID, holder.fullName(), NationalId.of(holder.nationalId()),
                    holder.cardPin(), "no personnel record"));
        }
        Person variantHolder = holders.get(0);
        for (CardVariant variant : CardVariant.values()) {
            cards.add(DemoCard.citizen("variant-" + variant.label(), variant, variantHolder.fullName(),
                    NationalId.of(variantHolder.nationalId()), variantHolder.cardPin(), variant.description()));
        }
        for (DemoPersonnel.Agency agency : personnel.agencies()) {
            String id = "agency-" + agency.code().toLowerCase(Locale.ROOT);
            cards.add(DemoCard.agency(id, agency.name(), agency.code(), agency.oid(), agencyPin(id),
                    agency.code() + " " + agency.nameEn()));
        }
        cards.add(DemoCard.agency("agency-unknown", UNKNOWN_AGENCY_NAME, null, UNKNOWN_AGENCY_OID,
                agencyPin("agency-unknown"), "agency OID of no demo agency"));
        return new DemoCards(cards);
    }

    /** Every card, in catalogue order: own cards, the card without record, variants, agency cards. */
    public List<DemoCard> all() {
        return List.copyOf(cards.values());
    }

    public Optional<DemoCard> find(String cardId) {
        return Optional.ofNullable(cards.get(cardId));
    }

    public DemoCard get(String cardId) {
        return find(cardId).orElseThrow(() -> new IllegalArgumentException("no demo card " + cardId));
    }

    /** The extra card of the first card holder that carries {@code variant}. */
    public DemoCard variant(CardVariant variant) {
        return get("variant-" + variant.label());
    }

    /** A person's own card, the one named after their account; empty when they hold none. */
    public Optional<DemoCard> ownCardOf(NationalId nationalId) {
        return cards.values().stream()
                .filter(card -> card.id().startsWith("citizen-"))
                .filter(card -> card.nationalId().filter(nationalId::equals).isPresent())
                .findFirst();
    }

    /** The card in the reader when the card world starts: the first demo person's own card. */
    public DemoCard defaultCard() {
        return cards.values().iterator().next();
    }

    /** A digest of everything the certificates depend on: a changed catalogue means a new PKI. */
    String fingerprint() {
        StringJoiner all = new StringJoiner("\n");
        cards.values().forEach(card -> all.add(card.identity()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Named after the e-mail's local part; by position for someone without e-mail, never by ID. */
    private static DemoCard ownCard(Person person, int position) {
        String email = person.email();
        String account = email == null || email.indexOf('@') < 1
                ? "holder-" + (position + 1)
                : email.substring(0, email.indexOf('@'));
        NationalId nationalId = NationalId.of(person.nationalId());
        StringJoiner note = new StringJoiner(", ");
        note.add(person.employmentStatus());
        person.realmRole().ifPresent(note::add);
        note.add(person.agencyCode());
        if (nationalId.kind() != NationalId.Kind.CITIZEN) {
            note.add("resident number");
        }
        return DemoCard.citizen("citizen-" + account, CardVariant.VALID, person.fullName(), nationalId, person.cardPin(),
                note.toString());
    }

    /** GCA cards have their own PINs; the demo data has none for agencies, so derive a stable one. */
    private static String agencyPin(String cardId) {
        return DeterministicNumbers.digits("agency-pin/" + cardId, AGENCY_PIN_DIGITS);
    }
}

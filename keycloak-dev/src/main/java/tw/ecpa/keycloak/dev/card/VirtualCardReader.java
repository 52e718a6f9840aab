package tw.ecpa.keycloak.dev.card;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import tw.ecpa.keycloak.dev.cardworld.http.LocalHttpService;
import tw.ecpa.keycloak.dev.pki.DemoCard;
import tw.ecpa.keycloak.dev.pki.TestPki;

/**
 * The virtual card reader: an HTTP server on 127.0.0.1 that speaks the HiPKI local server's protocol
 * ({@code GET /}, {@code /popupForm}, {@code POST /sign}, {@code /pkcs11info}) with the test PKI's cards
 * in place of smart cards, and a control API and page ({@code /control}) to insert, remove, lock and
 * unlock cards. Protocol and codes: keycloak-dev/README.md, "Virtual card reader".
 */
public final class VirtualCardReader implements AutoCloseable {

    /** The port the real component listens on. */
    public static final int DEFAULT_PORT = 61161;

    private final LocalHttpService http;
    private final TestPki pki;
    private final ReaderState state;
    private final OriginAllowList allowList;

    private VirtualCardReader(LocalHttpService http, TestPki pki, String initialCardId, Collection<String> allowedOrigins) {
        this.http = http;
        this.pki = pki;
        this.state = new ReaderState(pki.cards(), initialCardId);
        this.allowList = new OriginAllowList(allowedOrigins);
    }

    /**
     * Serves the reader on {@code http} with every card of {@code pki}, {@code initialCardId} inserted,
     * and pages from {@code allowedOrigins} allowed to use it.
     */
    public static VirtualCardReader start(LocalHttpService http, TestPki pki, String initialCardId,
                                          Collection<String> allowedOrigins) {
        VirtualCardReader reader = new VirtualCardReader(http, pki, initialCardId, allowedOrigins);
        ReaderCors cors = new ReaderCors(reader.allowList, http.port());
        http.acceptLoopbackHostsOnly();
        http.route("/", new BannerHandler(cors));
        PopupFormHandler popup = new PopupFormHandler(reader.allowList);
        http.route(PopupFormHandler.PAGE, popup);
        http.route(PopupFormHandler.SCRIPT, popup);
        http.route("/sign", new SignHandler(reader.state, cors));
        http.route("/pkcs11info", new Pkcs11InfoHandler(reader.state, cors));
        ReaderControl control = new ReaderControl(reader);
        http.controlRoute(ReaderControl.PAGE, control);
        http.controlRoutePrefix(ReaderControl.PAGE + "/", control);
        http.start();
        return reader;
    }

    public URI baseUrl() {
        return http.baseUrl();
    }

    public URI popupUrl() {
        return URI.create(http.baseUrl() + PopupFormHandler.PAGE);
    }

    public URI controlPageUrl() {
        return URI.create(http.baseUrl() + ReaderControl.PAGE);
    }

    /** Puts a card into the reader, taking out the one that was there. */
    public void insert(String cardId) {
        state.insert(cardId);
    }

    public void remove() {
        state.remove();
    }

    public Optional<String> insertedCardId() {
        return state.inserted().map(VirtualCard::id);
    }

    /** False simulates an unplugged reader (ret_code 0x76100003). */
    public void setReaderConnected(boolean connected) {
        state.setReaderConnected(connected);
    }

    public boolean readerConnected() {
        return state.readerConnected();
    }

    /** Blocks a card as three wrong PINs would. */
    public void lock(String cardId) {
        state.card(cardId).lock();
    }

    /** Unblocks a card, as MOICA (citizen) or GCA (agency) does for a locked card. */
    public void unlock(String cardId) {
        state.card(cardId).unlock();
    }

    public CardState cardState(String cardId) {
        return state.card(cardId).state();
    }

    /** Allows pages of one more origin ({@code http://127.0.0.1:5000}) to use the reader. */
    public void allowOrigin(String origin) {
        allowList.add(origin);
    }

    public List<String> allowedOrigins() {
        return allowList.origins();
    }

    /** Reader attached, the initial card inserted, every card unblocked. The allow-list stays as it is. */
    public void reset() {
        state.reset();
    }

    boolean hasCard(String cardId) {
        return state.hasCard(cardId);
    }

    List<DemoCard> cards() {
        return pki.catalogue().all();
    }

    @Override
    public void close() {
        http.close();
    }
}

package tw.ecpa.keycloak.dev.cardworld;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;

import tw.ecpa.keycloak.dev.card.VirtualCardReader;
import tw.ecpa.keycloak.dev.cardworld.http.LocalHttpService;
import tw.ecpa.keycloak.dev.holder.HolderCheckResponder;
import tw.ecpa.keycloak.dev.pki.DemoCards;
import tw.ecpa.keycloak.dev.pki.TestPki;
import tw.ecpa.keycloak.dev.revocation.RevocationServices;

/**
 * Everything a certificate login needs outside the server, started together: the test PKI, its CRL and
 * OCSP services, the virtual card reader and the holder-check responder, all on 127.0.0.1.
 *
 * <pre>{@code
 * try (CardWorld world = CardWorld.start(CardWorldConfig.development(Path.of("target/dev-pki")))) {
 *     System.out.println(world.cardTable());
 *     ...
 * }
 * }</pre>
 */
public final class CardWorld implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CardWorld.class.getName());

    private final TestPki pki;
    private final RevocationServices revocation;
    private final VirtualCardReader reader;
    private final HolderCheckResponder holderCheck;
    private final Path temporaryDirectory;

    private CardWorld(TestPki pki, RevocationServices revocation, VirtualCardReader reader,
                      HolderCheckResponder holderCheck, Path temporaryDirectory) {
        this.pki = pki;
        this.revocation = revocation;
        this.reader = reader;
        this.holderCheck = holderCheck;
        this.temporaryDirectory = temporaryDirectory;
    }

    /**
     * Binds the three ports, loads or makes the PKI (its certificates point at the bound revocation
     * URL), and starts every service. Whatever started is stopped again if a later step fails.
     */
    public static CardWorld start(CardWorldConfig config) throws IOException {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        Path temporary = config.pkiDirectory().isPresent() ? null : Files.createTempDirectory("card-world-pki");
        try {
            LocalHttpService revocationHttp = opened(started, LocalHttpService.bind("revocation", config.revocationPort()));
            LocalHttpService readerHttp = opened(started, LocalHttpService.bind("card-reader", config.readerPort()));
            LocalHttpService holderHttp = opened(started, LocalHttpService.bind("holder-check", config.holderCheckPort()));
            TestPki pki = TestPki.loadOrCreate(config.pkiDirectory().orElse(temporary), revocationHttp.baseUrl(),
                    DemoCards.fromDemoData());
            RevocationServices revocation = RevocationServices.start(revocationHttp, pki);
            String initialCard = config.initialCardId().orElse(pki.catalogue().defaultCard().id());
            VirtualCardReader reader = VirtualCardReader.start(readerHttp, pki, initialCard, config.allowedOrigins());
            HolderCheckResponder holderCheck = HolderCheckResponder.start(holderHttp, pki);
            LOG.log(System.Logger.Level.INFO, "Card world ready: reader {0}, revocation {1}, holder check {2}, PKI {3}",
                    reader.baseUrl(), revocation.baseUrl(), holderCheck.checkUrl(), pki.directory());
            return new CardWorld(pki, revocation, reader, holderCheck, temporary);
        } catch (IOException | RuntimeException e) {
            closeAll(started);
            deleteTree(temporary);
            throw e;
        }
    }

    public TestPki pki() {
        return pki;
    }

    public DemoCards catalogue() {
        return pki.catalogue();
    }

    public VirtualCardReader reader() {
        return reader;
    }

    public RevocationServices revocation() {
        return revocation;
    }

    public HolderCheckResponder holderCheck() {
        return holderCheck;
    }

    /** {@code http://127.0.0.1:61161} in development: the HiPKI URL the login page talks to. */
    public URI readerUrl() {
        return reader.baseUrl();
    }

    public URI revocationUrl() {
        return revocation.baseUrl();
    }

    /** The holder-check endpoint, {@code .../holder-check}. */
    public URI holderCheckUrl() {
        return holderCheck.checkUrl();
    }

    /** Every demo card with its PIN, masked ID and purpose, as a table for the terminal. */
    public String cardTable() {
        return CardTable.render(pki.catalogue().all());
    }

    /**
     * Back to the starting state: reader attached with the initial card, every card unblocked, only the
     * revoked variant revoked, every service answering normally. The origin allow-list stays.
     */
    public void reset() {
        reader.reset();
        revocation.reset();
        holderCheck.reset();
    }

    @Override
    public void close() {
        holderCheck.close();
        reader.close();
        revocation.close();
        deleteTree(temporaryDirectory);
    }

    private static LocalHttpService opened(Deque<AutoCloseable> started, LocalHttpService service) {
        started.push(service);
        return service;
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "cannot stop a card-world service: {0}", e.getClass().getName());
            }
        }
    }

    private static void deleteTree(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> entries = Files.walk(directory)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete the temporary PKI {0}", directory);
        }
    }
}

package tw.ecpa.keycloak.dev.cardworld;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import tw.ecpa.keycloak.dev.card.OriginAllowList;
import tw.ecpa.keycloak.dev.card.VirtualCardReader;

/**
 * Where the card world listens and keeps its PKI. Port 0 means any free port; no PKI directory means a
 * temporary one, deleted on close.
 */
public final class CardWorldConfig {

    /** The dev launcher's revocation port; the certificates of a persistent PKI point at it. */
    public static final int DEVELOPMENT_REVOCATION_PORT = 8190;
    public static final int DEVELOPMENT_HOLDER_CHECK_PORT = 8191;

    private final Path pkiDirectory;
    private final int readerPort;
    private final int revocationPort;
    private final int holderCheckPort;
    private final List<String> allowedOrigins;
    private final String initialCardId;

    private CardWorldConfig(Builder builder) {
        this.pkiDirectory = builder.pkiDirectory;
        this.readerPort = builder.readerPort;
        this.revocationPort = builder.revocationPort;
        this.holderCheckPort = builder.holderCheckPort;
        this.allowedOrigins = List.copyOf(builder.allowedOrigins);
        this.initialCardId = builder.initialCardId;
    }

    /**
     * For the dev launcher: the reader on 61161 like the real component, revocation on 8190, holder check
     * on 8191, the PKI kept in {@code pkiDirectory} between runs.
     */
    public static CardWorldConfig development(Path pkiDirectory) {
        return developmentBuilder(pkiDirectory).build();
    }

    /** {@link #development}'s settings, to add to (e.g. the origins of the cluster's nodes). */
    public static Builder developmentBuilder(Path pkiDirectory) {
        return builder()
                .pkiDirectory(pkiDirectory)
                .readerPort(VirtualCardReader.DEFAULT_PORT)
                .revocationPort(DEVELOPMENT_REVOCATION_PORT)
                .holderCheckPort(DEVELOPMENT_HOLDER_CHECK_PORT);
    }

    /** For tests: free ports, a temporary PKI. */
    public static CardWorldConfig ephemeral() {
        return builder().build();
    }

    /** Starts from {@link #ephemeral()}'s settings and the default origins. */
    public static Builder builder() {
        return new Builder();
    }

    public Optional<Path> pkiDirectory() {
        return Optional.ofNullable(pkiDirectory);
    }

    public int readerPort() {
        return readerPort;
    }

    public int revocationPort() {
        return revocationPort;
    }

    public int holderCheckPort() {
        return holderCheckPort;
    }

    /** {@link OriginAllowList#DEFAULT_ORIGINS} and whatever was added. */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** The card in the reader at start; empty means the catalogue's default card. */
    public Optional<String> initialCardId() {
        return Optional.ofNullable(initialCardId);
    }

    public static final class Builder {

        private Path pkiDirectory;
        private int readerPort;
        private int revocationPort;
        private int holderCheckPort;
        private final List<String> allowedOrigins = new ArrayList<>(OriginAllowList.DEFAULT_ORIGINS);
        private String initialCardId;

        private Builder() {
        }

        public Builder pkiDirectory(Path directory) {
            this.pkiDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        public Builder readerPort(int port) {
            this.readerPort = checkPort(port);
            return this;
        }

        public Builder revocationPort(int port) {
            this.revocationPort = checkPort(port);
            return this;
        }

        public Builder holderCheckPort(int port) {
            this.holderCheckPort = checkPort(port);
            return this;
        }

        /** One more page origin allowed to use the reader, e.g. where the dev Keycloak runs. */
        public Builder allowOrigin(String origin) {
            allowedOrigins.add(OriginAllowList.normalise(origin));
            return this;
        }

        public Builder initialCard(String cardId) {
            this.initialCardId = Objects.requireNonNull(cardId, "cardId");
            return this;
        }

        public CardWorldConfig build() {
            return new CardWorldConfig(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            return port;
        }
    }
}

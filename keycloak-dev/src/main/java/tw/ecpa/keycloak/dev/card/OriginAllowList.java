package tw.ecpa.keycloak.dev.card;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The web origins allowed to use the reader: only a page from one of them gets the popup's
 * {@code getTbs}, has its request forwarded, reads CORS answers, or may call {@code /sign} cross-origin.
 * Origins are kept as browsers write {@code event.origin}: {@code http://localhost:8080}, lower case,
 * without a default port or a trailing slash (one given is dropped).
 */
public final class OriginAllowList {

    /** Where a local Keycloak runs: the dev launcher's and the test server's usual ports. */
    public static final List<String> DEFAULT_ORIGINS = List.of(
            "http://localhost:8080", "http://127.0.0.1:8080", "http://localhost:8180", "http://127.0.0.1:8180");

    private final Set<String> origins = new CopyOnWriteArraySet<>();

    public OriginAllowList(Collection<String> initial) {
        initial.forEach(this::add);
    }

    /** Adds an origin; throws IllegalArgumentException when it is not a plain http(s) origin. */
    public void add(String origin) {
        origins.add(normalise(origin));
    }

    public boolean allows(String origin) {
        return origin != null && origins.contains(origin);
    }

    public List<String> origins() {
        return List.copyOf(origins);
    }

    /** {@code scheme://host[:port]} with nothing else, in the form browsers compare. */
    public static String normalise(String origin) {
        URI uri;
        try {
            uri = new URI(origin == null ? "" : origin.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an origin");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        // A trailing slash is forgiven: people paste "http://localhost:8080/"; event.origin never has it.
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
            throw new IllegalArgumentException("not an http(s) origin: scheme://host[:port]");
        }
        int defaultPort = scheme.equals("http") ? 80 : 443;
        String port = uri.getPort() < 0 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port;
    }
}

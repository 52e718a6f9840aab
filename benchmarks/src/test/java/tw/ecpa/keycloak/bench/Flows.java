package tw.ecpa.keycloak.bench;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The OIDC authorization-code flow as keycloak-benchmark's AuthorizationCode scenario runs it (open the
 * authorization endpoint, post the login form(s), take the code from the redirect to the application,
 * exchange it at the token endpoint), with PKCE S256, and the ECPA pages in between.
 *
 * <p>Each iteration is a new browser: Gatling's cookie jar is flushed (no SSO session carried over), and
 * redirects are followed by hand, only while they stay on Keycloak, because the application's redirect
 * URI is not a server.
 */
final class Flows {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern NONCE = Pattern.compile("data-nonce=\"([^\"]+)\"");

    private Flows() {
    }

    /**
     * No base URL: every request names its node ({@link #onNode}, the page's own form actions and redirects),
     * so none can reach node 1 by default when its user belongs to another.
     */
    static HttpProtocolBuilder protocol(BenchRun run) {
        return http.disableFollowRedirect()
                .disableWarmUp()
                .disableCaching()
                .acceptHeader("text/html,application/xhtml+xml,application/json")
                .acceptLanguageHeader("zh-TW,zh;q=0.9,en;q=0.5")
                .userAgentHeader("ecpa-benchmarks (Gatling)")
                .shareConnections();
    }

    /** The virtual user's node ({@link NodeSpread}; one count per flow, each call), kept as {@code node} for its whole run. */
    static ChainBuilder onNode(BenchRun run) {
        AtomicLong users = new AtomicLong();
        return exec(session -> session.set("node", run.nodes.nodeOf(users.incrementAndGet())));
    }

    /** A new browser for each login: no cookies, new PKCE verifier, state and nonce. */
    static Session freshBrowser(Session session) {
        String verifier = random(48);
        return session.set("verifier", verifier)
                .set("challenge", s256(verifier))
                .set("state", random(16))
                .set("nonce", random(16))
                .remove("location").remove("page").remove("code");
    }

    /** GET the authorization endpoint of {@code clientId} on the user's node: the first login page. */
    static ChainBuilder authorize(BenchRun run, String clientId) {
        return authorize(run, clientId, session -> run.redirectUri());
    }

    /**
     * The same for an application at {@code redirectUri}, kept as {@code appRedirect} for the token exchange
     * (the personnel console lives on Keycloak itself, on the user's node).
     */
    static ChainBuilder authorize(BenchRun run, String clientId, Function<Session, String> redirectUri) {
        return exec(Flows::freshBrowser).exec(session -> session.set("appRedirect", redirectUri.apply(session)))
                .exec(page("authorize", http("authorize").get("#{node}" + run.realmPath() + "/protocol/openid-connect/auth")
                .queryParam("client_id", clientId)
                .queryParam("redirect_uri", "#{appRedirect}")
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("state", "#{state}")
                .queryParam("nonce", "#{nonce}")
                .queryParam("code_challenge", "#{challenge}")
                .queryParam("code_challenge_method", "S256")));
    }

    /** POST the form {@code formId} of the current page with {@code fields}. */
    static ChainBuilder submit(String name, String formId, Function<Session, Map<String, Object>> fields) {
        return exec(session -> {
            String action = formAction(session.getString("page"), formId);
            if (action == null) {
                return session.markAsFailed();
            }
            return session.set("action", action).set("fields", fields.apply(session));
        }).exec(page(name, http(name).post("#{action}").formParamMap(session -> session.<Map<String, Object>>get("fields"))));
    }

    /** Redeems the code from the redirect to the application with the PKCE verifier, on the user's node. */
    static ChainBuilder tokenExchange(BenchRun run, String clientId) {
        return tokenExchange(run, clientId, "accessToken");
    }

    /** The same, keeping the access token as {@code tokenName}; the application is the one {@link #authorize} named. */
    static ChainBuilder tokenExchange(BenchRun run, String clientId, String tokenName) {
        return exec(session -> {
            String code = code(session.getString("location"), session.getString("appRedirect"), session.getString("state"));
            return code == null ? session.markAsFailed() : session.set("code", code);
        }).exec(http("token exchange").post("#{node}" + run.realmPath() + "/protocol/openid-connect/token")
                .formParam("grant_type", "authorization_code")
                .formParam("client_id", clientId)
                .formParam("code", "#{code}")
                .formParam("redirect_uri", "#{appRedirect}")
                .formParam("code_verifier", "#{verifier}")
                .check(status().is(200), jsonPath("$.access_token").saveAs(tokenName), jsonPath("$.id_token").exists()));
    }

    /**
     * One request that yields a page, following
     * redirects that stay on Keycloak. Afterwards {@code page} holds the HTML, or {@code location} the
     * redirect to the application.
     */
    static ChainBuilder page(String name, HttpRequestActionBuilder request) {
        return exec(session -> session.remove("location"))
                .exec(pageChecks(request))
                .exec(asLongAs(Flows::redirectStaysOnKeycloak).on(
                        exec(session -> session.set("next", session.getString("location")).remove("location"))
                                .exec(pageChecks(http(name + " (redirect)").get("#{next}")))));
    }

    private static HttpRequestActionBuilder pageChecks(HttpRequestActionBuilder request) {
        return request.check(status().in(200, 302, 303),
                header("Location").optional().saveAs("location"),
                bodyString().saveAs("page"));
    }

    private static boolean redirectStaysOnKeycloak(Session session) {
        if (session.isFailed() || !session.contains("location")) {
            return false;
        }
        URI location = URI.create(session.getString("location"));
        String application = session.contains("appRedirect") ? session.getString("appRedirect") : BenchRun.CURRENT.redirectUri();
        return !location.isAbsolute() || !location.toString().startsWith(application);
    }

    static String formAction(String page, String formId) {
        if (page == null) {
            return null;
        }
        Matcher matcher = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"").matcher(page);
        return matcher.find() ? matcher.group(1).replace("&amp;", "&") : null;
    }

    static String nonce(String page) {
        Matcher matcher = NONCE.matcher(page == null ? "" : page);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String code(String location, String redirectUri, String state) {
        if (location == null || !location.startsWith(redirectUri)) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return state.equals(params.get("state")) ? params.get("code") : null;
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cycles through {@code items} forever, as Gatling's circular feeder does. */
    static <T> java.util.Iterator<Map<String, Object>> circular(List<T> items, Function<T, Map<String, Object>> record) {
        List<Map<String, Object>> records = new ArrayList<>();
        items.forEach(i -> records.add(record.apply(i)));
        return new java.util.Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public synchronized Map<String, Object> next() {
                return records.get(next++ % records.size());
            }
        };
    }
}

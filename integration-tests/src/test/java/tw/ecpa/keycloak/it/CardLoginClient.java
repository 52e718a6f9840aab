package tw.ecpa.keycloak.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import tw.ecpa.keycloak.dev.http.KeycloakCookies;

/**
 * A certificate login at HTTP level, doing what the login page's script does: read the nonce from the
 * 憑證登入 page, have the virtual card reader sign it ({@code POST /sign}, as the popup would), post the
 * reader's answer to Keycloak. Keeps its own cookies, like one browser; follows Keycloak's redirects but
 * stops at the application's.
 */
final class CardLoginClient {

    /** What Chromium asks for when it loads a page: Keycloak answers an error as a page, not as JSON. */
    private static final String NAVIGATION = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_ACTION = Pattern.compile("<form id=\"([a-zA-Z-]+)\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ANY_FORM_ACTION = Pattern.compile("<form [^>]*action=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("data-nonce=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI reader;
    private final KeycloakCookies cookies = new KeycloakCookies();
    private Page page;
    /** Where an application on Keycloak's own host is reached (the personnel console): redirects there stop. */
    private String applicationPrefix;
    /** A cluster's public address and the node that requests to it go to, like a load balancer's choice; null: none. */
    private URI front;
    private URI node;

    CardLoginClient(URI reader) {
        this.reader = reader;
    }

    /** A browser without a card reader, for pages that need no card (忘記密碼). */
    CardLoginClient() {
        this(null);
    }

    /** Treats redirects to addresses starting with {@code prefix} as the application's, like those to another host. */
    CardLoginClient stopAt(String prefix) {
        this.applicationPrefix = prefix;
        return this;
    }

    /**
     * Sends every later request for the cluster's public address {@code front} to {@code node} instead, as a
     * load balancer would; Keycloak's redirects to {@code front} are followed on that node too.
     */
    CardLoginClient onNode(URI front, URI node) {
        this.front = front;
        this.node = node;
        return this;
    }

    private URI routed(URI uri) {
        if (front == null || !front.getRawAuthority().equals(uri.getRawAuthority())) {
            return uri;
        }
        return URI.create(node.getScheme() + "://" + node.getRawAuthority() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** What the last answer was: a Keycloak page, or the redirect to the application. */
    record Page(int status, String body, URI location) {

        boolean redirectedToApplication() {
            return location != null && location.toString().contains("code=");
        }

        boolean shows(String formId) {
            return body.contains("id=\"" + formId + "\"");
        }

        String formAction(String formId) {
            Matcher matcher = FORM_ACTION.matcher(body);
            while (matcher.find()) {
                if (matcher.group(1).equals(formId)) {
                    return matcher.group(2).replace("&amp;", "&");
                }
            }
            throw new AssertionError("no form " + formId + " on the page:\n" + body);
        }

        /** Where the link with this id points. */
        String link(String id) {
            Matcher matcher = Pattern.compile("<a id=\"" + Pattern.quote(id) + "\" href=\"([^\"]+)\"").matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no link " + id + " on the page:\n" + body);
            }
            return matcher.group(1).replace("&amp;", "&");
        }

        String nonce() {
            Matcher matcher = NONCE.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no nonce on the page:\n" + body);
            }
            return RunSecrets.nonce(matcher.group(1));
        }
    }

    Page open(String authorizationUrl) {
        page = get(URI.create(authorizationUrl));
        return page;
    }

    Page page() {
        return page;
    }

    /** The card reader's answer to MakeSignature over {@code tbs} with {@code pin}, as JSON text. */
    String sign(String tbs, String pin) {
        RunSecrets.nonce(tbs);
        RunSecrets.pin(pin);
        try {
            String body = JSON.writeValueAsString(Map.of("func", "MakeSignature", "tbs", tbs, "tbsEncoding", "NONE",
                    "hashAlgorithm", "SHA256", "signatureType", "PKCS7", "pin", pin, "withCardSN", "true"));
            HttpRequest request = HttpRequest.newBuilder(reader.resolve("/sign"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The whole 憑證登入 box: sign this page's nonce with the inserted card and post the answer. */
    Page logInWithPin(String pin) {
        return postAnswer(sign(page.nonce(), pin));
    }

    /** The home page's 憑證登入 box: like {@link #logInWithPin}, with the box's hidden method field. */
    Page logInWithPinOnHomePage(String pin) {
        String answer = sign(page.nonce(), pin);
        return post(page.formAction("ecpa-certificate-form"), Map.of("ecpa.method", "certificate", "ecpa.cardAnswer", answer));
    }

    /** The home page's 憑證登入 box posting a given answer (a replayed one, or one signed earlier). */
    Page postAnswerOnHomePage(String answer) {
        return post(page.formAction("ecpa-certificate-form"), Map.of("ecpa.method", "certificate", "ecpa.cardAnswer", answer));
    }

    /** The home page's 帳號登入 box. */
    Page logInWithPassword(String account, String password) {
        return post(page.formAction("kc-form-login"), Map.of("ecpa.method", "password", "username", account, "password", password));
    }

    Page postAnswer(String answer) {
        return post(page.formAction("ecpa-certificate-form"), Map.of("ecpa.cardAnswer", answer));
    }

    /** Redeems the code of the redirect to the application at the token endpoint; the ID token's claims. */
    com.fasterxml.jackson.databind.JsonNode idTokenClaims(String realmUrl, String clientId, String redirectUri) {
        return OidcCodeFlow.claims(tokens(realmUrl, clientId, redirectUri).path("id_token").asText());
    }

    /** Redeems the code of the redirect to the application; the access token, as an application would call an API with it. */
    String accessToken(String realmUrl, String clientId, String redirectUri) {
        return tokens(realmUrl, clientId, redirectUri).path("access_token").asText();
    }

    /** Redeems the code of the redirect to the application at the token endpoint; the whole token response. */
    com.fasterxml.jackson.databind.JsonNode tokens(String realmUrl, String clientId, String redirectUri) {
        String query = page.location().getRawQuery();
        String code = java.util.Arrays.stream(query.split("&")).filter(p -> p.startsWith("code=")).findFirst()
                .map(p -> java.net.URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8)).orElseThrow();
        String form = "grant_type=authorization_code&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts the first form after {@code marker} on the page: Keycloak's own pages have forms without an id. */
    Page submitFormAfter(String marker, Map<String, String> fields) {
        int at = page.body().indexOf(marker);
        if (at < 0) {
            throw new AssertionError("no " + marker + " on the page:\n" + page.body());
        }
        Matcher matcher = ANY_FORM_ACTION.matcher(page.body());
        if (!matcher.find(at)) {
            throw new AssertionError("no form after " + marker + " on the page:\n" + page.body());
        }
        return post(matcher.group(1).replace("&amp;", "&"), fields);
    }

    /** Posts a form of the page by its id. */
    Page submit(String formId, Map<String, String> fields) {
        return post(page.formAction(formId), fields);
    }

    /** 下一步 on the binding page. */
    Page bind(String account) {
        return post(page.formAction("ecpa-binding-form"), Map.of("account", account));
    }

    /** Keycloak's password page: the new password twice, then 送出. */
    Page setNewPassword(String password) {
        return submit("kc-passwd-update-form", Map.of("password-new", password, "password-confirm", password));
    }

    /** 繼續 on the 操作成功 page that follows a saved password. */
    Page continueAfterPasswordSaved() {
        return submit("ecpa-password-saved-form", Map.of("continue", ""));
    }

    /** The end of a first card login of someone without a password: the password page, 操作成功, the application. */
    Page setFirstPassword(String password) {
        Page saved = setNewPassword(password);
        if (!saved.shows("ecpa-password-saved-form")) {
            throw new AssertionError("no 操作成功 after the password page:\n" + saved.body());
        }
        return continueAfterPasswordSaved();
    }

    /** 上一步 on the 驗證失敗 page. */
    Page back() {
        return post(page.formAction("ecpa-verification-failed-form"), Map.of("ecpa.back", "1"));
    }

    /** Posts {@code fields} to any address, as a hand-made form would (a bad-input test's forged post). */
    Page postTo(String action, Map<String, String> fields) {
        return post(action, fields);
    }

    private Page post(String action, Map<String, String> fields) {
        // password, password-new, password-confirm: whatever a test types into a password field
        fields.forEach((name, value) -> {
            if (name.startsWith("password")) {
                RunSecrets.password(value);
            }
        });
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", NAVIGATION)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        page = follow(send(request));
        return page;
    }

    /**
     * A request with this browser's cookies and {@code headers}, as a script on some page sends it
     * ({@code fetch(url, {credentials: "include"})} sends the cookies and that page's Origin); no redirect followed.
     */
    HttpResponse<String> fetch(String method, String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request.build());
    }

    private Page get(URI uri) {
        return follow(send(HttpRequest.newBuilder(uri).header("Accept", NAVIGATION).GET().build()));
    }

    private Page follow(HttpResponse<String> response) {
        int hops = 0;
        while ((response.statusCode() == 302 || response.statusCode() == 303) && hops++ < 10) {
            URI location = routed(response.uri().resolve(response.headers().firstValue("Location").orElseThrow()));
            if (!location.getAuthority().equals(response.uri().getAuthority())
                    || applicationPrefix != null && location.toString().startsWith(applicationPrefix)) {
                return new Page(response.statusCode(), response.body(), location);
            }
            response = send(HttpRequest.newBuilder(location).header("Accept", NAVIGATION).GET().build());
        }
        return new Page(response.statusCode(), response.body(), null);
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(routed(request.uri())).method(request.method(),
                request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
        request.headers().map().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        cookies.addTo(builder);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            cookies.keepFrom(response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

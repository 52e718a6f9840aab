package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.dev.card.CmsSigner;
import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.dev.pki.IssuedCard;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;

/**
 * Bad inputs at the three doors of a login (security issue 14, item 4): the home page's 帳號登入 form,
 * the card answer posted by 憑證登入, and the binding page. Each row of the table sends one bad input and
 * asserts what comes back (status, the page, the message in zh-Hant) and that nothing changed in the
 * database: the credentials, attributes, required actions, username and e-mail of every person involved,
 * read through the admin API before and after. None may answer with a server error, and every step of
 * ours answers with its own page. Keycloak answers three kinds itself, before any step runs: a post of a
 * step the login has left (another execution, a replay after the binding) gets its page-expired page with
 * restart and continue; a post without any auth session or restart cookie gets the ECPA error page with
 * 回首頁 and its message; a form field over the server's limit (128 KiB) gets 413 from the HTTP layer, on
 * the ECPA error page that says it was too large.
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class LoginBadInputsSecurityIT extends EcpaIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Bad-inputs-7x";
    /** 黃雅婷's own card: no other class binds it. */
    private static final String CARD = "citizen-yating.huang";
    private static final String HOLDER_ID = "C220011228";
    private static final String HOME_FORM = "kc-form-login";
    private static final String CARD_FORM = "ecpa-certificate-form";
    private static final String BINDING_FORM = "ecpa-binding-form";
    private static final String FAILED_FORM = "ecpa-verification-failed-form";
    /** Keycloak's page-expired page (a post of a step the login has left): restart or continue, in the ECPA theme. */
    private static final String PAGE_EXPIRED = "loginContinueLink";
    /** The ECPA error page's 上一步 and 回首頁: only where Keycloak answers before any step runs (no auth session at all). */
    private static final String ERROR_WAYS = "ecpa-error-ways";

    private CardWorld world;
    private CertificateLoginFlow flow;
    private TestPeople people;
    private TestPeople.Person person;
    private TestPeople.Person other;
    private String account;

    /** What one bad input needs: the people, the card world, a login of the test's flow. */
    final class Door {

        CardLoginClient atHome() {
            CardLoginClient browser = new CardLoginClient(world.readerUrl());
            CardLoginClient.Page page = browser.open(flow.authorizationUrl(realm.getBaseUrl()));
            assertThat(page.shows(HOME_FORM)).as("the home page").isTrue();
            return browser;
        }

        CardLoginClient withCard(String cardId) {
            world.reader().insert(cardId);
            return atHome();
        }

        CardLoginClient atBinding() {
            CardLoginClient browser = withCard(CARD);
            CardLoginClient.Page page = browser.logInWithPinOnHomePage(world.catalogue().get(CARD).pin());
            assertThat(page.shows(BINDING_FORM)).as("the binding page").isTrue();
            return browser;
        }

        String sign(String tbs, String cardId) {
            return new CardLoginClient(world.readerUrl()).sign(tbs, world.catalogue().get(cardId).pin());
        }

        IssuedCard card(String cardId) {
            return world.pki().card(cardId);
        }

        String account() {
            return account;
        }

        TestPeople.Person other() {
            return other;
        }

        void nonceLifetime(String seconds) {
            flow.setCertificateSetting(CertificateConfiguration.NONCE_LIFETIME_SECONDS, seconds);
        }
    }

    /** Where a bad input is sent from: the browser at its page, and the address the page's form posts to. */
    record Ready(CardLoginClient browser, String action) {

        String nonce() {
            return browser.page().nonce();
        }
    }

    @FunctionalInterface
    interface Prepare {
        Ready at(Door door) throws Exception;
    }

    @FunctionalInterface
    interface Send {
        CardLoginClient.Page from(Door door, Ready ready) throws Exception;
    }

    /** One row: where from, what is sent, and the page and message that must come back (a message key, or null for none). */
    record BadInput(Prepare prepare, Send send, int status, String page, String messageKey) {
    }

    private static final Prepare HOME = d -> {
        CardLoginClient browser = d.atHome();
        return new Ready(browser, browser.page().formAction(HOME_FORM));
    };
    private static final Prepare BINDING = d -> {
        CardLoginClient browser = d.atBinding();
        return new Ready(browser, browser.page().formAction(BINDING_FORM));
    };

    private static Prepare card(String cardId) {
        return d -> {
            CardLoginClient browser = d.withCard(cardId);
            return new Ready(browser, browser.page().formAction(CARD_FORM));
        };
    }

    private static Send password(String typedAccount, String typedPassword) {
        return (d, r) -> r.browser().postTo(r.action(), fields("ecpa.method", "password", "username",
                typedAccount == null ? d.account() : typedAccount, "password", typedPassword));
    }

    private static Send answer(String answer) {
        return (d, r) -> r.browser().postTo(r.action(), fields("ecpa.method", "certificate", "ecpa.cardAnswer", answer));
    }

    /** The 帳號登入 form, right account and password, with one parameter of the form's address replaced. */
    private static Send passwordTo(String parameter, String value) {
        return (d, r) -> r.browser().postTo(withParameter(r.action(), parameter, value),
                fields("ecpa.method", "password", "username", d.account(), "password", PASSWORD));
    }

    private static Send bind(String typed) {
        return (d, r) -> r.browser().postTo(r.action(), fields("account", typed));
    }

    private static Send signedBy(String cardId) {
        return (d, r) -> r.browser().postTo(r.action(), fields("ecpa.method", "certificate", "ecpa.cardAnswer", d.sign(r.nonce(), cardId)));
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    static Stream<Named<BadInput>> badInputs() {
        List<Named<BadInput>> rows = new ArrayList<>();
        // 帳號登入 on the home page
        rows.add(row("home: account and password empty", HOME, password("", ""), 200, HOME_FORM, "ecpa.login.invalid"));
        rows.add(row("home: account of 100 000 characters", HOME, password("a".repeat(100_000), PASSWORD), 200, HOME_FORM, "ecpa.login.invalid"));
        rows.add(row("home: password of 100 000 characters", HOME, password(null, "P-1a".repeat(25_000)), 200, HOME_FORM, "ecpa.login.invalid"));
        rows.add(row("home: NUL and control characters after the account", HOME, (d, r) -> password(d.account() + "\u0000\u0007\r\n", PASSWORD).from(d, r),
                200, HOME_FORM, "ecpa.login.invalid"));
        rows.add(row("home: account and password fields missing", HOME, (d, r) -> r.browser().postTo(r.action(), fields("ecpa.method", "password")),
                200, HOME_FORM, "ecpa.login.invalid"));
        rows.add(row("home: no box named", HOME, (d, r) -> r.browser().postTo(r.action(), fields("username", d.account(), "password", PASSWORD)),
                200, HOME_FORM, null));
        rows.add(row("home: a box that does not exist", HOME, (d, r) -> r.browser().postTo(r.action(),
                fields("ecpa.method", "admin", "username", d.account(), "password", PASSWORD)), 200, HOME_FORM, null));
        rows.add(row("home: forged session code", HOME, passwordTo("session_code", "forged"), 200, HOME_FORM, null));
        rows.add(row("home: another execution", HOME, passwordTo("execution", UUID.randomUUID().toString()), 200, PAGE_EXPIRED, null));
        rows.add(row("home: another tab id", HOME, passwordTo("tab_id", "forgedTab01"), 200, HOME_FORM, null));
        rows.add(row("home: no auth session (no cookies)", HOME, (d, r) -> new CardLoginClient(null).postTo(r.action(),
                fields("ecpa.method", "password", "username", d.account(), "password", PASSWORD)), 400, ERROR_WAYS, "cookieNotFoundMessage"));
        // the card answer posted by 憑證登入
        rows.add(row("card: answer missing", card(CARD), (d, r) -> r.browser().postTo(r.action(), fields("ecpa.method", "certificate")),
                200, HOME_FORM, "ecpa.certificate.answerMalformed"));
        rows.add(row("card: answer not JSON", card(CARD), answer("<xml/>"), 200, HOME_FORM, "ecpa.certificate.answerMalformed"));
        rows.add(row("card: ret_code not a number", card(CARD), answer("{\"ret_code\":\"zero\"}"), 200, HOME_FORM, "ecpa.certificate.answerMalformed"));
        rows.add(row("card: signature not base64", card(CARD), answer("{\"ret_code\":0,\"last_error\":0,\"signature\":\"%%%not-base64%%%\"}"),
                200, HOME_FORM, "ecpa.certificate.answerMalformed"));
        rows.add(row("card: no signature", card(CARD), answer("{\"ret_code\":0,\"last_error\":0}"), 200, HOME_FORM, "ecpa.certificate.signatureInvalid"));
        rows.add(row("card: signature cut in half", card(CARD), (d, r) -> {
            ObjectNode answer = (ObjectNode) JSON.readTree(d.sign(r.nonce(), CARD));
            byte[] cms = Base64.getDecoder().decode(answer.get("signature").asText());
            answer.put("signature", Base64.getEncoder().encodeToString(Arrays.copyOf(cms, cms.length / 2)));
            return answer(answer.toString()).from(d, r);
        }, 200, HOME_FORM, "ecpa.certificate.signatureInvalid"));
        rows.add(row("card: signed with another card's key", card(CARD), (d, r) -> {
            PrivateKey someoneElsesKey = d.card("citizen-daming.wang").privateKey();
            X509Certificate claimed = d.card(CARD).certificate();
            byte[] cms = CmsSigner.sign(r.nonce().getBytes(StandardCharsets.UTF_8), someoneElsesKey, claimed);
            return answer(answerJson(cms, claimed)).from(d, r);
        }, 200, HOME_FORM, "ecpa.certificate.signatureInvalid"));
        rows.add(row("card: signature over another nonce", card(CARD), (d, r) ->
                answer(d.sign(RunSecrets.nonce("not-this-logins-nonce-" + UUID.randomUUID()), CARD)).from(d, r),
                200, HOME_FORM, "ecpa.certificate.nonceForeign"));
        rows.add(row("card: the same answer replayed", card("variant-expired"), (d, r) -> {
            String answer = d.sign(r.nonce(), "variant-expired");
            answer(answer).from(d, r);
            return r.browser().postTo(r.browser().page().formAction(CARD_FORM), fields("ecpa.method", "certificate", "ecpa.cardAnswer", answer));
        }, 200, HOME_FORM, "ecpa.certificate.nonceReused"));
        rows.add(row("card: nonce past its lifetime", d -> {
            d.nonceLifetime("1");
            return card(CARD).at(d);
        }, (d, r) -> {
            String answer = d.sign(r.nonce(), CARD);
            Thread.sleep(2100);
            return answer(answer).from(d, r);
        }, 200, HOME_FORM, "ecpa.certificate.nonceExpired"));
        rows.add(row("card: certificate of an untrusted CA", card("variant-untrusted-issuer"), signedBy("variant-untrusted-issuer"),
                200, HOME_FORM, "ecpa.certificate.untrusted"));
        rows.add(row("card: revoked certificate", card("variant-revoked"), signedBy("variant-revoked"), 200, HOME_FORM, "ecpa.certificate.revoked"));
        rows.add(row("card: expired certificate", card("variant-expired"), signedBy("variant-expired"), 200, HOME_FORM, "ecpa.certificate.expired"));
        rows.add(row("card: key usage without digitalSignature", card("variant-wrong-key-usage"), signedBy("variant-wrong-key-usage"),
                200, HOME_FORM, "ecpa.certificate.keyUsage"));
        rows.add(row("card: answer of 100 000 characters (over the answer's 64 KiB)", card(CARD),
                answer("{\"ret_code\":0,\"signature\":\"" + "A".repeat(100_000) + "\"}"), 200, HOME_FORM, "ecpa.certificate.answerMalformed"));
        // Over the server's form-field limit (Keycloak's quarkus.http.limits.max-form-attribute-size, 128 KiB): the
        // HTTP layer refuses it before Keycloak reads the form, so no step runs and nothing can change; the
        // browser gets the error page saying it was too large, not Keycloak's "internal server error".
        rows.add(row("card: answer of 200 000 characters (over the server's form limit)", card(CARD),
                answer("{\"ret_code\":0,\"signature\":\"" + "A".repeat(200_000) + "\"}"), 413, ERROR_WAYS, "ecpa.error.tooLarge"));
        // the binding page
        rows.add(row("binding: national ID with a wrong check digit", BINDING, bind("C220011229"), 200, BINDING_FORM, "ecpa.binding.badNationalId"));
        rows.add(row("binding: national ID with a space inside", BINDING, bind("C2200 11228"), 200, BINDING_FORM, "ecpa.binding.notInPersonnelDatabase"));
        rows.add(row("binding: someone else's ID in lower case", BINDING, (d, r) -> bind(d.other().nationalId().toLowerCase(Locale.ROOT)).from(d, r),
                200, FAILED_FORM, "ecpa.binding.holderMismatch"));
        rows.add(row("binding: someone else's ID in full-width characters", BINDING, (d, r) -> bind(fullWidth(d.other().nationalId())).from(d, r),
                200, FAILED_FORM, "ecpa.binding.holderMismatch"));
        rows.add(row("binding: 100 000 characters", BINDING, bind("C".repeat(100_000)), 200, BINDING_FORM, "ecpa.binding.notInPersonnelDatabase"));
        rows.add(row("binding: NUL after the holder's ID", BINDING, bind(HOLDER_ID + "\u0000"), 200, BINDING_FORM, "ecpa.binding.notInPersonnelDatabase"));
        rows.add(row("binding: the field missing", BINDING, (d, r) -> r.browser().postTo(r.action(), Map.of()),
                200, BINDING_FORM, "ecpa.binding.accountMissing"));
        rows.add(row("binding: the form posted again after the card was bound", d -> {
            Ready ready = BINDING.at(d);
            CardLoginClient.Page bound = ready.browser().bind(HOLDER_ID);
            assertThat(bound.shows("ecpa-personal-data-form")).as("bound: on to her personal data").isTrue();
            return ready;
        }, (d, r) -> bind(d.other().nationalId()).from(d, r), 200, PAGE_EXPIRED, null));
        return rows.stream();
    }

    private static Named<BadInput> row(String name, Prepare prepare, Send send, int status, String page, String messageKey) {
        return Named.of(name, new BadInput(prepare, send, status, page, messageKey));
    }

    private static String answerJson(byte[] cms, X509Certificate certificate) throws Exception {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("func", "MakeSignature");
        answer.put("ret_code", 0);
        answer.put("last_error", 0);
        answer.put("signature", Base64.getEncoder().encodeToString(cms));
        answer.put("certb64", Base64.getEncoder().encodeToString(certificate.getEncoded()));
        return answer.toString();
    }

    private static String fullWidth(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append((char) (c + 0xFEE0)));
        return out.toString();
    }

    private static String withParameter(String url, String parameter, String value) {
        URI uri = URI.create(url);
        StringBuilder query = new StringBuilder();
        for (String pair : uri.getRawQuery().split("&")) {
            query.append(query.length() == 0 ? "" : "&");
            query.append(pair.startsWith(parameter + "=") ? parameter + "=" + value : pair);
        }
        return url.substring(0, url.indexOf('?') + 1) + query;
    }

    @BeforeEach
    void aFlowAndThePeople(CardWorld world) {
        this.world = world;
        flow = CertificateLoginFlow.withHomePage(realm.admin(), realmAdminApi(), world);
        people = new TestPeople(realm.admin());
        account = TestPeople.freshAccount("bad.");
        person = people.withAccount(account);
        person.givePassword(PASSWORD);
        other = people.withAccount(TestPeople.freshAccount("bad.other."));
    }

    @AfterEach
    void unbindAndRemove() {
        UserResource holder = userByNationalId(HOLDER_ID);
        holder.credentials().stream().filter(c -> "ecpa-certificate".equals(c.getType())).forEach(c -> holder.removeCredential(c.getId()));
        holder.logout();
        realm.admin().attackDetection().clearBruteForceForUser(holder.toRepresentation().getId());
        people.close();
        flow.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void givenABadInputThenAClearAnswerAndNothingChanges(BadInput input) throws Exception {
        Door door = new Door();
        Ready ready = input.prepare().at(door);
        Map<String, String> before = database();

        CardLoginClient.Page answer = input.send().from(door, ready);

        assertThat(answer.status()).as("status; the page: %s", text(answer)).isEqualTo(input.status());
        if (!ERROR_WAYS.equals(input.page())) {
            assertThat(answer.body()).as("no error page: %s", text(answer)).doesNotContain("template: error.ftl");
        }
        assertThat(answer.redirectedToApplication()).as("not logged in").isFalse();
        if (input.page() != null) {
            assertThat(answer.shows(input.page())).as("the page %s; it says: %s", input.page(), text(answer)).isTrue();
        }
        if (input.messageKey() != null) {
            assertThat(answer.body()).as("the message %s; the page says: %s", input.messageKey(), text(answer))
                    .contains(EcpaPages.messageIn("zh-Hant", input.messageKey()));
        }
        assertThat(database()).as("the database after the bad input").isEqualTo(before);
    }

    /** Everything of the people involved that a bad input must leave as it was. */
    private Map<String, String> database() {
        Map<String, String> state = new LinkedHashMap<>();
        for (UserResource user : List.of(person.admin(), other.admin(), userByNationalId(HOLDER_ID))) {
            UserRepresentation rep = user.toRepresentation();
            String id = rep.getId();
            state.put(id + " username", rep.getUsername());
            state.put(id + " email", String.valueOf(rep.getEmail()));
            state.put(id + " enabled", String.valueOf(rep.isEnabled()));
            state.put(id + " attributes", String.valueOf(new TreeMap<>(rep.getAttributes() == null ? Map.of() : rep.getAttributes())));
            state.put(id + " required actions", String.valueOf(rep.getRequiredActions()));
            state.put(id + " credentials", user.credentials().stream()
                    .map(c -> c.getType() + "/" + c.getId() + "/" + c.getCreatedDate() + "/" + c.getCredentialData())
                    .sorted().toList().toString());
        }
        return state;
    }

    private static String text(CardLoginClient.Page page) {
        String body = page.body() == null ? "" : page.body();
        return page.status() + " " + page.location() + " " + body.replaceAll("(?s)<head>.*</head>", "").replaceAll("(?s)<script.*?</script>", "")
                .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
    }
}

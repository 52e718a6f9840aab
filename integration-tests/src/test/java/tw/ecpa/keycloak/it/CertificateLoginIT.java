package tw.ecpa.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.dev.cardworld.http.ServiceFault;
import tw.ecpa.keycloak.dev.realm.CertificateConfiguration;

/**
 * 憑證登入 against the real server, at HTTP level through the virtual card reader: the card signs the
 * page's nonce, the server checks the answer, and a first login binds the certificate to the person
 * named on the binding page (the guide's section 一).
 */
@KeycloakIntegrationTest(config = EcpaServerConfig.class)
@ExtendWith(CardWorldExtension.class)
class CertificateLoginIT extends EcpaIntegrationTest {

    private static final String DAMING_ID = "A123456789";
    private static final String XIAOMEI_ID = "S223456660";
    private static final String DEPARTED_ID = "P100998875";
    private static final String NO_RECORD_ID = "U188776656";
    private static final String VARIANT_PIN = "123456";
    private static final Set<String> PEOPLE = Set.of(DAMING_ID, XIAOMEI_ID, DEPARTED_ID);

    private CardWorld world;
    private CertificateLoginFlow flow;
    private CardLoginClient browser;

    @BeforeEach
    void aFlowOfTheCertificateSteps(CardWorld world) {
        this.world = world;
        flow = new CertificateLoginFlow(realm.admin(), realmAdminApi(), world);
        browser = new CardLoginClient(world.readerUrl());
    }

    @AfterEach
    void unbindAndForget() {
        flow.close();
        for (String id : PEOPLE) {
            UserResource user = userByNationalId(id);
            DemoUsers.forgetCardLogins(user);
            realm.admin().attackDetection().clearBruteForceForUser(user.toRepresentation().getId());
        }
    }

    private CardLoginClient.Page openWith(String cardId) {
        world.reader().insert(cardId);
        return browser.open(flow.authorizationUrl(realm.getBaseUrl()));
    }

    private String pinOf(String cardId) {
        return world.catalogue().get(cardId).pin();
    }

    private List<CredentialRepresentation> boundCertificates(String nationalId) {
        return userByNationalId(nationalId).credentials().stream().filter(c -> "ecpa-certificate".equals(c.getType())).toList();
    }

    private EventRepresentation lastLoginError() {
        List<EventRepresentation> events = realm.admin().getEvents(List.of("LOGIN_ERROR"), flow.clientId(), null, null, null, null, 0, 1);
        assertThat(events).as("a LOGIN_ERROR event of the test client").isNotEmpty();
        return events.get(0);
    }

    private static String message(String key) {
        return EcpaPages.messageIn("zh-Hant", key);
    }

    /** After binding or a bound login: past both certificate pages (on to required actions or the application). */
    private static void assertLoggedInPastTheCertificateSteps(CardLoginClient.Page page) {
        assertThat(page.shows("ecpa-certificate-form")).as("certificate page again").isFalse();
        assertThat(page.shows("ecpa-binding-form")).as("binding page").isFalse();
        assertThat(page.shows("ecpa-verification-failed-form")).as("verification failed page").isFalse();
        assertThat(page.redirectedToApplication() || page.status() == 200).isTrue();
    }


    @Test
    void givenACardBoundToNobodyThenTheFirstLoginByNationalIdBindsItAndTheNextNeedsOnlyThePin() {
        openWith("citizen-daming.wang");
        CardLoginClient.Page binding = browser.logInWithPin(pinOf("citizen-daming.wang"));
        assertThat(binding.shows("ecpa-binding-form")).as("binding page").isTrue();
        assertThat(boundCertificates(DAMING_ID)).isEmpty();

        CardLoginClient.Page password = browser.bind(DAMING_ID);
        assertLoggedInPastTheCertificateSteps(password);
        assertThat(boundCertificates(DAMING_ID)).hasSize(1);
        assertThat(boundCertificates(DAMING_ID).get(0).getCredentialData())
                .contains(world.pki().card("citizen-daming.wang").serialNumber().toString(16));

        // 王大明 has his custom account and e-mail from the demo data, but no password: the first login sets it.
        assertThat(password.shows("kc-passwd-update-form")).as("the password page of the first login").isTrue();
        assertThat(password.body()).contains(message("ecpa.password.rule.strength")).doesNotContain("id=\"kc-cancel\"");
        assertThat(browser.setFirstPassword(RunSecrets.password("Daming-first-7x")).redirectedToApplication()).isTrue();
        assertThat(userByNationalId(DAMING_ID).credentials()).anyMatch(c -> "password".equals(c.getType()));
        assertThat(userByNationalId(DAMING_ID).toRepresentation().getRequiredActions()).isEmpty();

        browser = new CardLoginClient(world.readerUrl());
        openWith("citizen-daming.wang");
        CardLoginClient.Page second = browser.logInWithPin(pinOf("citizen-daming.wang"));
        assertThat(second.redirectedToApplication()).as("王大明 has nothing left to set up: straight back to the app").isTrue();
        com.fasterxml.jackson.databind.JsonNode idToken = browser.idTokenClaims(realm.getBaseUrl(), flow.clientId(), CertificateLoginFlow.REDIRECT_URI);
        assertThat(idToken.path("amr").toString()).isEqualTo("[\"sc\",\"pin\"]");
        assertThat(idToken.toString()).doesNotContain(DAMING_ID);

        String serial = world.pki().card("citizen-daming.wang").serialNumber().toString(16);
        List<EventRepresentation> logins = realm.admin().getEvents(List.of("LOGIN"), flow.clientId(),
                userByNationalId(DAMING_ID).toRepresentation().getId(), null, null, null, 0, 2);
        assertThat(logins).hasSize(2);
        assertThat(logins.get(0).getDetails()).as("the PIN-only login")
                .containsEntry("ecpa_login_method", "certificate")
                .containsEntry("certificate_serial", serial)
                .containsKey("certificate_issuer");
        // The first login ends after the password page, in a later request: the binding has its own event.
        List<EventRepresentation> bindingEvents = realm.admin().getEvents(List.of("UPDATE_CREDENTIAL"), flow.clientId(),
                userByNationalId(DAMING_ID).toRepresentation().getId(), null, null, null, 0, 5);
        assertThat(bindingEvents).anySatisfy(event -> assertThat(event.getDetails())
                .containsEntry("credential_type", "ecpa-certificate")
                .containsEntry("certificate_bound", "true")
                .containsEntry("certificate_serial", serial));
        List<EventRepresentation> all = new java.util.ArrayList<>(logins);
        all.addAll(bindingEvents);
        assertThat(all.toString() + all.stream().map(e -> String.valueOf(e.getDetails())).toList()).doesNotContain(DAMING_ID);
    }

    @Test
    void givenACardBoundToNobodyThenTheFirstLoginByCustomAccountBindsItAndARenewedCardIsBoundToo() {
        openWith("citizen-xiaomei.wang");
        browser.logInWithPin(pinOf("citizen-xiaomei.wang"));
        assertLoggedInPastTheCertificateSteps(browser.bind("xiaomei.wang"));
        assertThat(boundCertificates(XIAOMEI_ID)).hasSize(1);

        // 王大明's renewed card (variant-valid) after his first one.
        browser = new CardLoginClient(world.readerUrl());
        openWith("citizen-daming.wang");
        browser.logInWithPin(pinOf("citizen-daming.wang"));
        browser.bind("daming.wang");
        browser = new CardLoginClient(world.readerUrl());
        openWith("variant-valid");
        browser.logInWithPin(VARIANT_PIN);
        assertLoggedInPastTheCertificateSteps(browser.bind(" DAMING.WANG "));
        assertThat(boundCertificates(DAMING_ID)).hasSize(2);
    }

    @Test
    void givenACardBoundToNobodyThenAnIdNotInThePersonnelDatabaseIsTheGuidesFirstFailure() {
        openWith("citizen-no-record");
        browser.logInWithPin(pinOf("citizen-no-record"));

        CardLoginClient.Page page = browser.bind(NO_RECORD_ID);

        assertThat(page.body()).contains(message("ecpa.binding.notInPersonnelDatabase"));
        assertThat(lastLoginError().getError()).isEqualTo("user_not_found");
        assertThat(lastLoginError().getDetails()).containsEntry("username", "U1*****656");
    }

    @Test
    void givenACardBoundToNobodyThenADepartedPersonIsTheGuidesSecondFailureAndNothingIsBound() {
        openWith("citizen-wenxiong.zheng");
        browser.logInWithPin(pinOf("citizen-wenxiong.zheng"));

        CardLoginClient.Page page = browser.bind(DEPARTED_ID);

        assertThat(page.body()).contains(message("ecpa.binding.departed"));
        assertThat(lastLoginError().getError()).isEqualTo("user_disabled");
        assertThat(boundCertificates(DEPARTED_ID)).isEmpty();
    }

    @Test
    void givenACardBoundToNobodyThenSomeoneElsesIdIsTheGuidesThirdFailureWithBackAndHome() {
        openWith("citizen-daming.wang");
        browser.logInWithPin(pinOf("citizen-daming.wang"));

        CardLoginClient.Page failed = browser.bind(XIAOMEI_ID);

        assertThat(failed.shows("ecpa-verification-failed-form")).isTrue();
        assertThat(failed.body()).contains(message("ecpa.binding.holderMismatch"), message("ecpa.binding.back"), message("ecpa.binding.home"));
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_holder_mismatch");
        assertThat(boundCertificates(XIAOMEI_ID)).isEmpty();
        assertThat(boundCertificates(DAMING_ID)).isEmpty();
        assertThat(browser.back().shows("ecpa-binding-form")).isTrue();
    }

    @Test
    void givenACardBoundToNobodyThenAnIdWithABadChecksumIsRefusedBeforeAnyLookUp() {
        openWith("citizen-daming.wang");
        browser.logInWithPin(pinOf("citizen-daming.wang"));

        CardLoginClient.Page page = browser.bind("A123456788");

        assertThat(page.body()).contains(message("ecpa.binding.badNationalId"));
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_binding_bad_national_id");
        assertThat(lastLoginError().getUserId()).isNull();
    }

    @Test
    void givenACardBoundToNobodyThenTheHolderServiceDownBindsNothingAndSaysTryLater() {
        world.holderCheck().setFault(ServiceFault.down());
        openWith("citizen-daming.wang");
        browser.logInWithPin(pinOf("citizen-daming.wang"));

        CardLoginClient.Page page = browser.bind(DAMING_ID);

        assertThat(page.body()).contains(message("ecpa.binding.holderServiceUnavailable"));
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_holder_unavailable");
        assertThat(boundCertificates(DAMING_ID)).isEmpty();
    }

    @Test
    void givenTheFourDigitSuffixAsTheOnlyHolderCheckThenNothingIsBound() {
        flow.setBindingSetting("ecpa.holder.verifiers", "certificate-suffix");
        openWith("citizen-daming.wang");
        browser.logInWithPin(pinOf("citizen-daming.wang"));

        CardLoginClient.Page page = browser.bind(DAMING_ID);

        assertThat(page.shows("ecpa-binding-form")).as("still the binding page").isTrue();
        assertThat(page.body()).contains(message("ecpa.binding.holderServiceUnavailable"));
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_holder_check_too_weak");
        assertThat(boundCertificates(DAMING_ID)).as("the right suffix alone binds nothing").isEmpty();
    }

    @Test
    void givenACardBoundToNobodyThenASlowHolderServiceTimesOutAndBindsNothing() {
        world.holderCheck().setFault(ServiceFault.slow(java.time.Duration.ofSeconds(5)));
        openWith("citizen-daming.wang");
        browser.logInWithPin(pinOf("citizen-daming.wang"));

        CardLoginClient.Page page = browser.bind(DAMING_ID);

        assertThat(page.body()).contains(message("ecpa.binding.holderServiceUnavailable"));
        assertThat(boundCertificates(DAMING_ID)).isEmpty();
    }

    @Test
    void givenRepeatedBindingAttemptsOnSomeoneElseThenBruteForceDetectionLocksThatAccount() {
        openWith("citizen-daming.wang");
        browser.logInWithPin(pinOf("citizen-daming.wang"));

        CardLoginClient.Page page = browser.bind(XIAOMEI_ID);
        for (int attempt = 0; attempt < 6 && page.shows("ecpa-verification-failed-form"); attempt++) {
            browser.back();
            page = browser.bind(XIAOMEI_ID);
        }

        assertThat(page.body()).contains(message("accountTemporarilyDisabledMessage"));
        assertThat(lastLoginError().getError()).isEqualTo("user_temporarily_disabled");
        assertThat(boundCertificates(XIAOMEI_ID)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "variant-expired,           ecpa_certificate_expired,        ecpa.certificate.expired,      BOTH",
            "variant-not-yet-valid,     ecpa_certificate_not_yet_valid,  ecpa.certificate.notYetValid,  BOTH",
            "variant-untrusted-issuer,  ecpa_certificate_untrusted,      ecpa.certificate.untrusted,    BOTH",
            "variant-wrong-key-usage,   ecpa_certificate_key_usage,      ecpa.certificate.keyUsage,     BOTH",
            "variant-wrong-policy,      ecpa_certificate_policy,         ecpa.certificate.policy,       BOTH",
            "variant-revoked,           ecpa_certificate_revoked,        ecpa.certificate.revoked,      CRL",
            "variant-revoked,           ecpa_certificate_revoked,        ecpa.certificate.revoked,      OCSP",
    })
    void givenAnInvalidCertificateThenItsOwnMessageAndEvent(String cardId, String error, String messageKey, String revocationMode) {
        flow.setCertificateSetting(CertificateConfiguration.REVOCATION_MODE, revocationMode);
        openWith(cardId);

        CardLoginClient.Page page = browser.logInWithPin(VARIANT_PIN);

        assertThat(page.shows("ecpa-certificate-form")).isTrue();
        assertThat(page.body()).contains(message(messageKey));
        EventRepresentation event = lastLoginError();
        assertThat(event.getError()).isEqualTo(error);
        assertThat(event.getDetails()).containsEntry("certificate_serial", world.pki().card(cardId).serialNumber().toString(16))
                .containsKey("certificate_issuer");
        assertThat(boundCertificates(DAMING_ID)).isEmpty();
    }

    @Test
    void givenTheRevocationSourceDownThenTheLoginFailsClosedAndPassesWhenConfiguredToFailOpen() {
        flow.setCertificateSetting(CertificateConfiguration.REVOCATION_MODE, "OCSP");
        world.revocation().setFault(ServiceFault.down());
        openWith("citizen-daming.wang");

        CardLoginClient.Page closed = browser.logInWithPin(pinOf("citizen-daming.wang"));
        assertThat(closed.body()).contains(message("ecpa.certificate.revocationUnavailable"));
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_revocation_unavailable");

        flow.setCertificateSetting(CertificateConfiguration.REVOCATION_FAIL_OPEN, "true");
        assertThat(browser.logInWithPin(pinOf("citizen-daming.wang")).shows("ecpa-binding-form")).isTrue();
    }

    @Test
    void givenOcspAnswersAreKeptThenTheSameCardsNextLoginDoesNotAskTheResponderAgain() {
        flow.setCertificateSetting(CertificateConfiguration.REVOCATION_MODE, "OCSP");
        flow.setCertificateSetting(CertificateConfiguration.OCSP_CACHE_SECONDS, "600");
        openWith("variant-valid");
        assertThat(browser.logInWithPin(VARIANT_PIN).shows("ecpa-binding-form")).isTrue();
        int asked = world.revocation().ocspRequestsServed();
        assertThat(asked).as("the first login asks the responder").isPositive();

        browser = new CardLoginClient(world.readerUrl());
        openWith("variant-valid");
        assertThat(browser.logInWithPin(VARIANT_PIN).shows("ecpa-binding-form")).isTrue();

        assertThat(world.revocation().ocspRequestsServed()).as("the second login uses the kept answer").isEqualTo(asked);
    }

    @Test
    void givenAWrongPinThenTheTriesLeftAndTheThirdSaysTheCardIsNowLockedWithTheUnblockingLinks() {
        openWith("citizen-daming.wang");
        for (int left = 2; left >= 1; left--) {
            CardLoginClient.Page page = browser.logInWithPin("000000");
            assertThat(EcpaPages.visibleText(page.body())).contains(EcpaPages.messageIn("zh-Hant", "ecpa.card.wrongPin", left))
                    .contains("最多還可以再試 " + left + " 次");
            assertThat(lastLoginError().getError()).isEqualTo("ecpa_card_wrong_pin");
        }
        CardLoginClient.Page third = browser.logInWithPin("000000");
        assertThat(EcpaPages.visibleText(third.body())).contains(EcpaPages.visibleText(message("ecpa.card.lockedNow")));
        assertUnblockingLinks(third.body());
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_card_wrong_pin");

        CardLoginClient.Page locked = browser.logInWithPin(pinOf("citizen-daming.wang"));
        assertThat(EcpaPages.visibleText(locked.body())).contains(EcpaPages.visibleText(message("ecpa.card.locked")));
        assertUnblockingLinks(locked.body());
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_card_locked");
    }

    @Test
    void givenAWrongPinInAnotherLoginThenThisOneSaysAtMostWhatItCounted() {
        // The card keeps its own counter (now 1) and does not report it: the page counts this login's wrong
        // PINs and says "at most", which stays true.
        openWith("citizen-daming.wang");
        browser.logInWithPin("000000");
        browser = new CardLoginClient(world.readerUrl());
        openWith("citizen-daming.wang");

        CardLoginClient.Page page = browser.logInWithPin("000000");

        assertThat(EcpaPages.visibleText(page.body())).as("a new login counts from its own first wrong PIN")
                .contains(EcpaPages.messageIn("zh-Hant", "ecpa.card.wrongPin", 2));
    }

    /** The MOICA and GCA unblocking addresses are links a person can follow, not plain text. */
    private static void assertUnblockingLinks(String html) {
        assertThat(html).containsPattern("<a [^>]*href=\"https://moica\\.nat\\.gov\\.tw/html/unblockcard\\.htm(#|&#35;)2\"")
                .containsPattern("<a [^>]*href=\"https://gcaweb\\.nat\\.gov\\.tw/gcacms/04-04\\.html\"");
    }

    @Test
    void givenNoCardOrNoReaderThenTheySaySo() {
        openWith("citizen-daming.wang");
        world.reader().remove();
        assertThat(browser.logInWithPin(pinOf("citizen-daming.wang")).body()).contains(message("ecpa.card.noCard"));
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_card_not_inserted");

        world.reader().setReaderConnected(false);
        assertThat(browser.logInWithPin(pinOf("citizen-daming.wang")).body()).contains(message("ecpa.card.noReader"));
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_card_no_reader");
    }

    /** What the page's script posts when the component gives no signature: the popup closed, no PIN, no component. */
    @ParameterizedTest(name = "ret_code {0} → {1}")
    @CsvSource({
            "1979713945, ecpa_card_cancelled,             ecpa.card.cancelled",
            "1979713944, ecpa_card_no_pin,                ecpa.card.noPin",
            "1979711501, ecpa_card_component_unavailable, ecpa.card.componentNotRunning",
    })
    void givenTheComponentDidNotSignThenItsOwnMessageAndEventAndNothingIsBound(long retCode, String error, String messageKey) {
        openWith("citizen-daming.wang");

        CardLoginClient.Page page = browser.postAnswer("{\"func\":\"sign\",\"ret_code\":" + retCode + ",\"last_error\":0}");

        assertThat(page.shows("ecpa-certificate-form")).isTrue();
        assertThat(page.body()).contains(message(messageKey));
        assertThat(lastLoginError().getError()).isEqualTo(error);
        assertThat(boundCertificates(DAMING_ID)).isEmpty();
    }

    @Test
    void givenTheSameAnswerPostedTwiceThenTheSecondIsAReplay() {
        openWith("variant-expired");
        String answer = browser.sign(browser.page().nonce(), VARIANT_PIN);
        browser.postAnswer(answer);
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_certificate_expired");

        CardLoginClient.Page replay = browser.postAnswer(answer);

        assertThat(replay.body()).contains(message("ecpa.certificate.nonceReused"));
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_nonce_reused");
    }

    @Test
    void givenAnAnswerOverAnotherSessionsNonceThenItIsRefused() {
        openWith("citizen-daming.wang");
        CardLoginClient other = new CardLoginClient(world.readerUrl());
        other.open(flow.authorizationUrl(realm.getBaseUrl()));
        String answerForOther = browser.sign(other.page().nonce(), pinOf("citizen-daming.wang"));

        CardLoginClient.Page page = browser.postAnswer(answerForOther);

        assertThat(page.body()).contains(message("ecpa.certificate.nonceForeign"));
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_nonce_foreign");
    }

    @Test
    void givenATamperedSignatureThenItIsRefused() throws Exception {
        openWith("citizen-daming.wang");
        ObjectNode answer = (ObjectNode) new ObjectMapper().readTree(browser.sign(browser.page().nonce(), pinOf("citizen-daming.wang")));
        byte[] cms = Base64.getDecoder().decode(answer.get("signature").asText());
        cms[cms.length - 20] ^= 0x01;
        answer.put("signature", Base64.getEncoder().encodeToString(cms));

        CardLoginClient.Page page = browser.postAnswer(answer.toString());

        assertThat(page.body()).contains(message("ecpa.certificate.signatureInvalid"));
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_signature_invalid");
    }

    @Test
    void givenAnAgencyCardOfNoKnownAgencyThenItIsRefused() {
        openWith("agency-unknown");

        CardLoginClient.Page page = browser.logInWithPin(pinOf("agency-unknown"));

        assertThat(page.body()).contains(message("ecpa.certificate.agencyUnknown"));
        assertThat(lastLoginError().getError()).isEqualTo("ecpa_agency_unknown");
    }
}

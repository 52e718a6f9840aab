package tw.ecpa.keycloak.dev.holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.dev.cardworld.TestHttp;
import tw.ecpa.keycloak.dev.cardworld.http.ServiceFault;
import tw.ecpa.keycloak.dev.pki.CardVariant;
import tw.ecpa.keycloak.dev.pki.IssuedCard;

@ExtendWith(CardWorldExtension.class)
class HolderCheckResponderTest {

    /** The body an {@code http} holder verifier sends for a certificate and a typed ID. */
    private static String body(IssuedCard card, String nationalId) {
        return TestHttp.toJson(Map.of(
                "issuerDn", card.certificate().getIssuerX500Principal().getName(X500Principal.RFC2253),
                "serialNumber", card.serialNumber().toString(16),
                "nationalId", nationalId));
    }

    private static HttpResponse<String> check(CardWorld world, String body) {
        return TestHttp.postJson(world.holderCheckUrl(), body);
    }

    private static String result(CardWorld world, IssuedCard card, String nationalId) {
        HttpResponse<String> response = check(world, body(card, nationalId));
        assertThat(response.statusCode()).isEqualTo(200);
        return TestHttp.json(response).path("result").asText();
    }

    @Nested
    class GivenAKnownCitizenCertificateThenTheHolderIsCompared {

        @Test
        void theHoldersOwnIdMatches(CardWorld world) {
            assertThat(result(world, world.pki().card("citizen-daming.wang"), "A123456789")).isEqualTo("MATCH");
        }

        @Test
        void someoneElsesIdIsAMismatchEvenWithTheSameLastFourDigits(CardWorld world) {
            assertThat(result(world, world.pki().card("citizen-daming.wang"), "S223456660")).isEqualTo("MISMATCH");
            assertThat(result(world, world.pki().card("citizen-xiaomei.wang"), "A123456789")).isEqualTo("MISMATCH");
        }

        @Test
        void theCardWithoutPersonnelRecordStillHasAHolder(CardWorld world) {
            assertThat(result(world, world.pki().card("citizen-no-record"), "U188776656")).isEqualTo("MATCH");
        }

        @Test
        void aResidentNumberMatchesToo(CardWorld world) {
            assertThat(result(world, world.pki().card("citizen-anna.smith"), "A800000014")).isEqualTo("MATCH");
        }

        @Test
        void expiredAndRevokedCardsAreStillOnRecord(CardWorld world) {
            assertThat(result(world, world.pki().card(CardVariant.EXPIRED), "A123456789")).isEqualTo("MATCH");
            assertThat(result(world, world.pki().card(CardVariant.REVOKED), "A123456789")).isEqualTo("MATCH");
        }

        @Test
        void anyRfc2253SpellingOfTheIssuerWorks(CardWorld world) {
            IssuedCard card = world.pki().card("citizen-daming.wang");
            String spelled = TestHttp.toJson(Map.of(
                    "issuerDn", "ou=內政部憑證管理中心, o=行政院, c=tw",
                    "serialNumber", card.serialNumber().toString(16),
                    "nationalId", "A123456789"));

            assertThat(TestHttp.json(check(world, spelled)).path("result").asText()).isEqualTo("MATCH");
        }
    }

    @Nested
    class GivenACertificateTheCaDidNotIssueToACitizenThenItIsUnknown {

        @Test
        void theUntrustedLookAlikesCertificate(CardWorld world) {
            assertThat(result(world, world.pki().card(CardVariant.UNTRUSTED_ISSUER), "A123456789"))
                    .isEqualTo("UNKNOWN_CERTIFICATE");
        }

        @Test
        void anUnknownSerial(CardWorld world) {
            String unknown = TestHttp.toJson(Map.of(
                    "issuerDn", "OU=內政部憑證管理中心,O=行政院,C=TW",
                    "serialNumber", "1234abcd",
                    "nationalId", "A123456789"));

            assertThat(TestHttp.json(check(world, unknown)).path("result").asText()).isEqualTo("UNKNOWN_CERTIFICATE");
        }

        @Test
        void anAgencyCertificate(CardWorld world) {
            assertThat(result(world, world.pki().card("agency-x10000000a"), "A123456789")).isEqualTo("UNKNOWN_CERTIFICATE");
        }
    }

    @Nested
    class GivenAMalformedRequestThenABadRequest {

        @ParameterizedTest
        @ValueSource(strings = {
            "not json",
            "{\"issuerDn\":\"OU=內政部憑證管理中心,O=行政院,C=TW\",\"serialNumber\":\"ABCD\",\"nationalId\":\"A123456789\"}",
            "{\"issuerDn\":\"OU=內政部憑證管理中心,O=行政院,C=TW\",\"serialNumber\":\"abcd\",\"nationalId\":\"A123456788\"}",
            "{\"issuerDn\":\"===\",\"serialNumber\":\"abcd\",\"nationalId\":\"A123456789\"}",
            "{\"serialNumber\":\"abcd\",\"nationalId\":\"A123456789\"}"
        })
        void isAnswered400WithAnErrorCode(String body, CardWorld world) {
            HttpResponse<String> response = check(world, body);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(TestHttp.json(response).path("error").asText())
                    .isIn("malformed_json", "invalid_issuerDn", "invalid_serialNumber", "invalid_nationalId");
            assertThat(response.body()).doesNotContain("A123456788");
        }

        @Test
        void otherMethodsAndTypesAreRefused(CardWorld world) {
            HttpResponse<String> get = TestHttp.get(world.holderCheckUrl());
            HttpResponse<String> form = TestHttp.send(HttpRequest.newBuilder(world.holderCheckUrl())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("nationalId=A123456789"))
                    .build());

            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(form.statusCode()).isEqualTo(415);
        }
    }

    @Nested
    class GivenAFaultThenTheVerifierSeesIt {

        @Test
        void slowAnswersMissTheClientsTimeout(CardWorld world) {
            world.holderCheck().setFault(ServiceFault.slow(Duration.ofMillis(1_500)));
            HttpRequest request = HttpRequest.newBuilder(world.holderCheckUrl())
                    .timeout(Duration.ofMillis(300))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(world.pki().card("citizen-daming.wang"), "A123456789")))
                    .build();

            assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(HttpTimeoutException.class);
        }

        @Test
        void slowAnswersStillArriveForAPatientClient(CardWorld world) {
            world.holderCheck().setFault(ServiceFault.slow(Duration.ofMillis(300)));

            assertThat(result(world, world.pki().card("citizen-daming.wang"), "A123456789")).isEqualTo("MATCH");
        }

        @Test
        void downAnswers503(CardWorld world) {
            world.holderCheck().setFault(ServiceFault.down());

            HttpResponse<String> response = check(world, body(world.pki().card("citizen-daming.wang"), "A123456789"));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(TestHttp.json(response).path("error").asText()).isEqualTo("unavailable");
        }

        @Test
        void refuseClosesThePort(CardWorld world) {
            world.holderCheck().setFault(ServiceFault.refuse());

            assertThatThrownBy(() -> check(world, body(world.pki().card("citizen-daming.wang"), "A123456789")))
                    .hasCauseInstanceOf(ConnectException.class);
        }

        @Test
        void theControlApiSwitchesFaults(CardWorld world) {
            URI control = URI.create(world.holderCheck().baseUrl() + "/control/fault");

            HttpResponse<String> slow = TestHttp.postJson(control, "{\"mode\":\"SLOW\",\"delayMillis\":250}");
            HttpResponse<String> invalid = TestHttp.postJson(control, "{\"mode\":\"SLOW\"}");
            HttpResponse<String> down = TestHttp.postJson(control, "{\"mode\":\"DOWN\"}");
            int whileDown = check(world, body(world.pki().card("citizen-daming.wang"), "A123456789")).statusCode();
            HttpResponse<String> reset = TestHttp.postJson(URI.create(world.holderCheck().baseUrl() + "/control/reset"), "{}");

            assertThat(TestHttp.json(slow).path("delayMillis").asLong()).isEqualTo(250);
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(TestHttp.json(down).path("mode").asText()).isEqualTo("DOWN");
            assertThat(whileDown).isEqualTo(503);
            assertThat(TestHttp.json(reset).path("fault").path("mode").asText()).isEqualTo("NORMAL");
            assertThat(result(world, world.pki().card("citizen-daming.wang"), "A123456789")).isEqualTo("MATCH");
        }
    }
}

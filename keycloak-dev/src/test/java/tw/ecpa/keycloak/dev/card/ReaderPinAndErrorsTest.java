package tw.ecpa.keycloak.dev.card;

import static org.assertj.core.api.Assertions.assertThat;
import static tw.ecpa.keycloak.dev.card.ReaderSignTest.freshNonce;
import static tw.ecpa.keycloak.dev.card.ReaderSignTest.sign;
import static tw.ecpa.keycloak.dev.card.ReaderSignTest.signRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.dev.cardworld.TestHttp;
import tw.ecpa.keycloak.dev.pki.DemoCard;

@ExtendWith(CardWorldExtension.class)
class ReaderPinAndErrorsTest {

    private static final String WRONG_PIN = "000000";

    private static URI signUrl(CardWorld world) {
        return URI.create(world.readerUrl() + "/sign");
    }

    private static JsonNode signWith(CardWorld world, String pin) {
        return sign(world, signRequest(freshNonce(), pin));
    }

    /** Every refusal is a JSON answer with a ret_code, never a stack trace. */
    private static JsonNode refusal(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode answer = TestHttp.json(response);
        assertThat(answer.path("ret_code").asInt()).isNotZero();
        assertThat(answer.has("signature")).isFalse();
        return answer;
    }

    @Nested
    class GivenWrongPinsThenTheCardLocks {

        @Test
        void threeWrongPinsLockTheCardAndThenTheRightPinIsRefused(CardWorld world) {
            DemoCard card = world.catalogue().defaultCard();

            for (int attempt = 1; attempt <= 3; attempt++) {
                JsonNode answer = signWith(world, WRONG_PIN);
                assertThat(answer.path("ret_code").asInt()).isEqualTo(HiPkiCodes.CARD_LOGIN_FAILED);
                assertThat(answer.path("last_error").asInt()).isEqualTo(0xA0);
            }
            JsonNode locked = signWith(world, card.pin());

            assertThat(locked.path("ret_code").asInt()).isEqualTo(HiPkiCodes.CARD_LOGIN_FAILED);
            assertThat(locked.path("last_error").asInt()).isEqualTo(0xA4);
            assertThat(world.reader().cardState(card.id()).locked()).isTrue();
        }

        @Test
        void unlockingRestoresTheCard(CardWorld world) {
            DemoCard card = world.catalogue().defaultCard();
            world.reader().lock(card.id());
            assertThat(signWith(world, card.pin()).path("last_error").asInt()).isEqualTo(0xA4);

            world.reader().unlock(card.id());

            assertThat(signWith(world, card.pin()).path("ret_code").asInt()).isZero();
        }

        @Test
        void theRightPinResetsTheCount(CardWorld world) {
            DemoCard card = world.catalogue().defaultCard();
            signWith(world, WRONG_PIN);
            signWith(world, WRONG_PIN);

            assertThat(signWith(world, card.pin()).path("ret_code").asInt()).isZero();
            signWith(world, WRONG_PIN);
            signWith(world, WRONG_PIN);

            assertThat(world.reader().cardState(card.id()).locked()).isFalse();
            assertThat(signWith(world, card.pin()).path("ret_code").asInt()).isZero();
        }

        @Test
        void aPinOfTheWrongLengthIsRefusedWithoutCounting(CardWorld world) {
            JsonNode answer = signWith(world, "123");

            assertThat(answer.path("ret_code").asInt()).isEqualTo(HiPkiCodes.CARD_LOGIN_FAILED);
            assertThat(answer.path("last_error").asInt()).isEqualTo(0xA2);
            assertThat(world.reader().cardState(world.catalogue().defaultCard().id()).consecutiveWrongPins()).isZero();
        }

        @Test
        void eachCardCountsItsOwnWrongPins(CardWorld world) {
            DemoCard first = world.catalogue().defaultCard();
            signWith(world, WRONG_PIN);
            DemoCard other = world.catalogue().get("citizen-xiaomei.wang");

            world.reader().insert(other.id());

            assertThat(world.reader().cardState(first.id()).consecutiveWrongPins()).isEqualTo(1);
            assertThat(world.reader().cardState(other.id()).consecutiveWrongPins()).isZero();
            assertThat(signWith(world, other.pin()).path("ret_code").asInt()).isZero();
        }
    }

    @Nested
    class GivenNoCardOrReaderThenTheComponentSaysSo {

        @Test
        void noCardIs0x76000006(CardWorld world) {
            world.reader().remove();

            assertThat(signWith(world, world.catalogue().defaultCard().pin()).path("ret_code").asInt()).isEqualTo(0x76000006);
        }

        @Test
        void noReaderIs0x76100003(CardWorld world) {
            world.reader().setReaderConnected(false);

            assertThat(signWith(world, world.catalogue().defaultCard().pin()).path("ret_code").asInt()).isEqualTo(0x76100003);
        }

        @Test
        void noPinIs0x76000998(CardWorld world) {
            Map<String, Object> request = signRequest(freshNonce(), "");
            request.remove("pin");

            assertThat(sign(world, request).path("ret_code").asInt()).isEqualTo(0x76000998);
        }
    }

    @Nested
    class GivenAMalformedRequestThenAnErrorCodeAndNoStackTrace {

        @Test
        void missingTbs(CardWorld world) {
            Map<String, Object> request = signRequest(freshNonce(), "123456");
            request.remove("tbs");

            assertThat(refusal(TestHttp.postJson(signUrl(world), TestHttp.toJson(request))).path("ret_code").asInt())
                    .isEqualTo(HiPkiCodes.NO_TBS);
        }

        @Test
        void unknownFunc(CardWorld world) {
            Map<String, Object> request = signRequest(freshNonce(), "123456");
            request.put("func", "FormatCard");

            assertThat(refusal(TestHttp.postJson(signUrl(world), TestHttp.toJson(request))).path("ret_code").asInt())
                    .isEqualTo(HiPkiCodes.UNSUPPORTED_METHOD);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"func\":\"MakeSignature\",", "[1,2]", "", "not json", "tbs=abc"})
        void badJson(String body, CardWorld world) {
            HttpResponse<String> response = TestHttp.postJson(signUrl(world), body);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(refusal(response).path("ret_code").asInt()).isEqualTo(HiPkiCodes.JSON_ERROR);
        }

        @Test
        void hugeBody(CardWorld world) {
            String huge = TestHttp.toJson(signRequest("x".repeat(200_000), "123456"));

            HttpResponse<String> response = TestHttp.postJson(signUrl(world), huge);

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(refusal(response).path("ret_code").asInt()).isEqualTo(HiPkiCodes.TOO_LARGE);
        }

        @Test
        void wrongMethod(CardWorld world) {
            HttpResponse<String> response = TestHttp.get(signUrl(world));

            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(refusal(response).path("ret_code").asInt()).isEqualTo(HiPkiCodes.UNSUPPORTED_METHOD);
        }

        @Test
        void tbsThatIsNotBase64(CardWorld world) {
            Map<String, Object> request = signRequest("@@@not base64@@@", "123456");
            request.put("tbsEncoding", "base64");

            assertThat(sign(world, request).path("ret_code").asInt()).isEqualTo(HiPkiCodes.BASE64_DECODE_ERROR);
        }

        @Test
        void unsupportedParameters(CardWorld world) {
            Map<String, Object> sha1 = signRequest(freshNonce(), "123456");
            sha1.put("hashAlgorithm", "SHA1");
            Map<String, Object> pkcs1 = signRequest(freshNonce(), "123456");
            pkcs1.put("signatureType", "PKCS1");
            Map<String, Object> noFunc = signRequest(freshNonce(), "123456");
            noFunc.remove("func");

            assertThat(sign(world, sha1).path("ret_code").asInt()).isEqualTo(HiPkiCodes.PARAMETER_ERROR);
            assertThat(sign(world, pkcs1).path("ret_code").asInt()).isEqualTo(HiPkiCodes.SIGNATURE_TYPE_ERROR);
            assertThat(sign(world, noFunc).path("ret_code").asInt()).isEqualTo(HiPkiCodes.PARAMETER_ERROR);
        }

        @Test
        void theReaderStillSignsAfterwards(CardWorld world) {
            TestHttp.postJson(signUrl(world), "{{{");

            assertThat(signWith(world, world.catalogue().defaultCard().pin()).path("ret_code").asInt()).isZero();
        }
    }

    @Nested
    class GivenAWebPageThenOnlyAllowedOriginsMayUseTheCard {

        @Test
        void aForeignOriginIsForbidden(CardWorld world) {
            HttpResponse<String> response = TestHttp.send(HttpRequest.newBuilder(signUrl(world))
                    .header("Origin", "http://evil.example")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(TestHttp.toJson(signRequest(freshNonce(), "123456"))))
                    .build());

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(refusal(response).path("ret_code").asInt()).isEqualTo(HiPkiCodes.FORBIDDEN_DOMAIN);
        }

        @Test
        void anAllowedOriginGetsCorsHeadersAndItsPreflight(CardWorld world) {
            String origin = "http://localhost:8080";
            HttpResponse<String> preflight = TestHttp.send(HttpRequest.newBuilder(signUrl(world))
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build());
            HttpResponse<String> response = TestHttp.send(HttpRequest.newBuilder(signUrl(world))
                    .header("Origin", origin)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            TestHttp.toJson(signRequest(freshNonce(), world.catalogue().defaultCard().pin()))))
                    .build());

            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
            assertThat(TestHttp.json(response).path("ret_code").asInt()).isZero();
        }

        @Test
        void aRequestForAnotherHostNameIsRefused(CardWorld world) throws IOException {
            assertThat(TestHttp.getWithHost(world.readerUrl(), "rebound.example:61161")).isEqualTo(403);
            assertThat(TestHttp.getWithHost(world.readerUrl(), "localhost:61161")).isEqualTo(200);
        }
    }
}

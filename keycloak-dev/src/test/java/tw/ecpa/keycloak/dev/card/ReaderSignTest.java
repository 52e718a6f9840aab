package tw.ecpa.keycloak.dev.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.dev.cardworld.TestHttp;
import tw.ecpa.keycloak.dev.pki.DemoCard;
import tw.ecpa.keycloak.dev.pki.IssuedCard;
import tw.ecpa.keycloak.dev.pki.TestAuthority;

@ExtendWith(CardWorldExtension.class)
class ReaderSignTest {

    static String freshNonce() {
        byte[] nonce = new byte[32];
        new SecureRandom().nextBytes(nonce);
        return HexFormat.of().formatHex(nonce);
    }

    static Map<String, Object> signRequest(String tbs, String pin) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("func", "MakeSignature");
        request.put("tbs", tbs);
        request.put("tbsEncoding", "NONE");
        request.put("hashAlgorithm", "SHA256");
        request.put("signatureType", "PKCS7");
        request.put("pin", pin);
        request.put("withCardSN", "true");
        return request;
    }

    static JsonNode sign(CardWorld world, Map<String, Object> request) {
        HttpResponse<String> response = TestHttp.postJson(TestHttp.resolve(world.readerUrl(), "/sign"), TestHttp.toJson(request));
        assertThat(response.statusCode()).isEqualTo(200);
        return TestHttp.json(response);
    }

    @Nested
    class GivenTheRightPinThenTheCardSigns {

        @Test
        void theCmsVerifiesCarriesTheNonceAndChainsToTheTestRoot(CardWorld world) throws Exception {
            DemoCard card = world.catalogue().defaultCard();
            String nonce = freshNonce();

            JsonNode answer = sign(world, signRequest(nonce, card.pin()));

            assertThat(answer.path("ret_code").asInt()).isZero();
            assertThat(answer.path("last_error").asInt()).isZero();
            assertThat(answer.path("func").asText()).isEqualTo("sign");
            VerifiedSignature signature = VerifiedSignature.of(answer.path("signature").asText());
            assertThat(new String(signature.content(), StandardCharsets.UTF_8)).isEqualTo(nonce);
            assertThat(signature.hasSignedAttributesOfTheProfile()).isTrue();
            IssuedCard issued = world.pki().card(card.id());
            assertThat(signature.signer()).isEqualTo(issued.certificate());
            signature.chainsTo(world.pki().trustAnchor(),
                    List.of(world.pki().authority(TestAuthority.CITIZEN_CA).certificate()));
            assertThat(Base64.getDecoder().decode(answer.path("certb64").asText())).isEqualTo(issued.certificate().getEncoded());
            assertThat(answer.path("cardSN").asText()).isEqualTo(card.cardSerialNumber()).startsWith("TP03").hasSize(16);
        }

        @Test
        void anAgencyCardSignsAndChainsThroughTheAgencyCa(CardWorld world) throws Exception {
            DemoCard agency = world.catalogue().get("agency-x10000000a");
            world.reader().insert(agency.id());

            JsonNode answer = sign(world, signRequest(freshNonce(), agency.pin()));

            VerifiedSignature signature = VerifiedSignature.of(answer.path("signature").asText());
            signature.chainsTo(world.pki().trustAnchor(),
                    List.of(world.pki().authority(TestAuthority.AGENCY_CA).certificate()));
        }

        @Test
        void base64TbsIsSignedAsItsBytes(CardWorld world) throws Exception {
            byte[] tbs = {0, 1, 2, (byte) 0xFF};
            Map<String, Object> request = signRequest(Base64.getEncoder().encodeToString(tbs), world.catalogue().defaultCard().pin());
            request.put("tbsEncoding", "base64");

            JsonNode answer = sign(world, request);

            assertThat(VerifiedSignature.of(answer.path("signature").asText()).content()).isEqualTo(tbs);
        }

        @Test
        void withoutCardSnTheAnswerHasNoCardNumber(CardWorld world) {
            Map<String, Object> request = signRequest(freshNonce(), world.catalogue().defaultCard().pin());
            request.put("withCardSN", "false");

            JsonNode answer = sign(world, request);

            assertThat(answer.path("ret_code").asInt()).isZero();
            assertThat(answer.has("cardSN")).isFalse();
        }

        @Test
        void theIeStyleTbsPackageFormIsAccepted(CardWorld world) throws Exception {
            String nonce = freshNonce();
            String form = "tbsPackage=" + URLEncoder.encode(
                    TestHttp.toJson(signRequest(nonce, world.catalogue().defaultCard().pin())), StandardCharsets.UTF_8);

            HttpResponse<String> response = TestHttp.send(HttpRequest.newBuilder(URI.create(world.readerUrl() + "/sign"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build());

            JsonNode answer = TestHttp.json(response);
            assertThat(new String(VerifiedSignature.of(answer.path("signature").asText()).content(), StandardCharsets.UTF_8))
                    .isEqualTo(nonce);
        }
    }

    @Nested
    class GivenTheComponentIsAskedAboutItselfThenItAnswersLikeHiPki {

        @Test
        void theBannerNamesTheVersion(CardWorld world) {
            JsonNode banner = TestHttp.json(TestHttp.get(world.readerUrl()));

            assertThat(banner.path("ret_code").asInt()).isZero();
            assertThat(banner.path("version").asText()).isEqualTo("1.3.4.103");
        }

        @Test
        void pkcs11InfoListsTheTokenAndOnRequestItsCertificates(CardWorld world) throws Exception {
            DemoCard card = world.catalogue().defaultCard();

            JsonNode plain = TestHttp.json(TestHttp.get(URI.create(world.readerUrl() + "/pkcs11info")));
            JsonNode withCertificates = TestHttp.json(TestHttp.get(URI.create(world.readerUrl() + "/pkcs11info?withcert=true")));

            JsonNode token = plain.path("slots").path(0).path("token");
            assertThat(plain.path("ret_code").asInt()).isZero();
            assertThat(plain.path("slots").path(0).path("flags").asInt()).isEqualTo(7);
            assertThat(token.path("serialNumber").asText()).isEqualTo(card.cardSerialNumber());
            assertThat(token.has("certs")).isFalse();
            JsonNode certificates = withCertificates.path("slots").path(0).path("token").path("certs");
            assertThat(certificates).hasSize(2);
            X509Certificate expected = world.pki().card(card.id()).certificate();
            assertThat(Base64.getDecoder().decode(certificates.path(0).path("certb64").asText())).isEqualTo(expected.getEncoded());
            assertThat(certificates.path(0).path("usage").asText()).isEqualTo("digitalSignature");
            assertThat(certificates.path(0).path("subjectDN").asText())
                    .isEqualTo("C=TW,CN=" + card.holderName() + ",serialNumber=" + card.subjectSerialNumber());
            assertThat(certificates.path(1).path("issuerDN").asText())
                    .isEqualTo("C=TW,O=ECPA Keycloak TEST,CN=TEST Government Root Certification Authority");
        }

        @Test
        void anEmptyReaderHasASlotWithoutToken(CardWorld world) {
            world.reader().remove();

            JsonNode info = TestHttp.json(TestHttp.get(URI.create(world.readerUrl() + "/pkcs11info?withcert=true")));

            assertThat(info.path("ret_code").asInt()).isZero();
            assertThat(info.path("slots").path(0).path("flags").asInt()).isEqualTo(6);
            assertThat(info.path("slots").path(0).has("token")).isFalse();
        }

        @Test
        void anUnpluggedReaderIsNoReader(CardWorld world) {
            world.reader().setReaderConnected(false);

            JsonNode info = TestHttp.json(TestHttp.get(URI.create(world.readerUrl() + "/pkcs11info")));

            assertThat(info.path("ret_code").asInt()).isEqualTo(HiPkiCodes.NO_READER);
        }
    }
}

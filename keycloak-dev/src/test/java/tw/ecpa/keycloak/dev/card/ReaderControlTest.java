package tw.ecpa.keycloak.dev.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tw.ecpa.keycloak.dev.cardworld.CardWorld;
import tw.ecpa.keycloak.dev.cardworld.CardWorldExtension;
import tw.ecpa.keycloak.dev.cardworld.TestHttp;

@ExtendWith(CardWorldExtension.class)
class ReaderControlTest {

    private static HttpResponse<String> control(CardWorld world, String action, String body) {
        return TestHttp.postJson(URI.create(world.readerUrl() + "/control/" + action), body);
    }

    @Nested
    class GivenTheControlApiThenADeveloperHandlesTheCards {

        @Test
        void theStateListsEveryCardWithPinStateAndTheInsertedOne(CardWorld world) {
            JsonNode state = TestHttp.json(TestHttp.get(URI.create(world.readerUrl() + "/control/state")));

            assertThat(state.path("readerConnected").asBoolean()).isTrue();
            assertThat(state.path("insertedCardId").asText()).isEqualTo("citizen-daming.wang");
            assertThat(state.path("cards")).hasSize(world.catalogue().all().size());
            assertThat(state.path("cards").path(0).path("maskedNationalId").asText()).isEqualTo("A1*****789");
            assertThat(state.toString()).doesNotContain("A123456789");
        }

        @Test
        void insertRemoveLockUnlockAndUnplug(CardWorld world) {
            JsonNode inserted = TestHttp.json(control(world, "insert", "{\"cardId\":\"agency-x10020000a\"}"));
            assertThat(inserted.path("insertedCardId").asText()).isEqualTo("agency-x10020000a");

            JsonNode locked = TestHttp.json(control(world, "lock", "{\"cardId\":\"agency-x10020000a\"}"));
            assertThat(world.reader().cardState("agency-x10020000a").locked()).isTrue();
            assertThat(locked.path("cards").findValues("locked")).anyMatch(JsonNode::asBoolean);

            control(world, "unlock", "{\"cardId\":\"agency-x10020000a\"}");
            assertThat(world.reader().cardState("agency-x10020000a").locked()).isFalse();

            JsonNode removed = TestHttp.json(control(world, "remove", "{}"));
            assertThat(removed.path("insertedCardId").isNull()).isTrue();

            control(world, "reader", "{\"connected\":false}");
            assertThat(world.reader().readerConnected()).isFalse();

            JsonNode reset = TestHttp.json(control(world, "reset", "{}"));
            assertThat(reset.path("readerConnected").asBoolean()).isTrue();
            assertThat(reset.path("insertedCardId").asText()).isEqualTo("citizen-daming.wang");
        }

        @Test
        void mistakesAreRefusedPlainly(CardWorld world) {
            assertThat(control(world, "insert", "{\"cardId\":\"no-such-card\"}").statusCode()).isEqualTo(404);
            assertThat(control(world, "origins", "{\"origin\":\"http://x.example/path\"}").statusCode()).isEqualTo(400);
            assertThat(control(world, "reader", "{\"connected\":\"maybe\"}").statusCode()).isEqualTo(400);
            assertThat(control(world, "explode", "{}").statusCode()).isEqualTo(404);
            HttpResponse<String> form = TestHttp.send(HttpRequest.newBuilder(URI.create(world.readerUrl() + "/control/remove"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("x=1"))
                    .build());
            assertThat(form.statusCode()).isEqualTo(415);
            assertThat(world.reader().insertedCardId()).contains("citizen-daming.wang");
        }

        @Test
        void theControlPageIsServed(CardWorld world) {
            HttpResponse<String> page = TestHttp.get(world.reader().controlPageUrl());
            HttpResponse<String> script = TestHttp.get(URI.create(world.readerUrl() + "/control/control.js"));

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Virtual HiPKI card reader").contains("/control/control.js");
            assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        }
    }

    @Nested
    class GivenThePopupFormThenItBridgesOnlyForAllowedOrigins {

        @Test
        void itKeepsItsOpenerAndEmbedsTheAllowList(CardWorld world) {
            world.reader().allowOrigin("http://127.0.0.1:5000/");

            HttpResponse<String> popup = TestHttp.get(world.reader().popupUrl());

            assertThat(popup.statusCode()).isEqualTo(200);
            assertThat(popup.headers().firstValue("Cross-Origin-Opener-Policy")).contains("unsafe-none");
            assertThat(popup.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'"));
            assertThat(popup.body()).contains("\"http://127.0.0.1:5000\"").contains("\"http://localhost:8080\"")
                    .contains("<script src=\"/popupForm.js\"></script>");
        }

        @Test
        void theScriptChecksTheOriginAndAnswersOnlyThere(CardWorld world) {
            String script = TestHttp.get(URI.create(world.readerUrl() + "/popupForm.js")).body();

            assertThat(script).contains("allowed.indexOf(event.origin) < 0").contains("event.source !== window.opener")
                    .contains("opener.postMessage(answer, origin)").contains("{ func: 'getTbs' }");
        }
    }
}

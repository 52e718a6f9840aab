package tw.ecpa.keycloak.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodyTest {

    private static <T> T parse(String json, Class<T> type) {
        return RequestBody.parse(json.getBytes(StandardCharsets.UTF_8), type);
    }

    @Test
    void readsWhatTheConsoleSends() {
        assertThat(parse("{\"nationalId\":\"A123456789\",\"email\":\"a@b.org\",\"reason\":\"ticket 1\"}", PersonnelResource.ResetRequest.class))
                .isEqualTo(new PersonnelResource.ResetRequest("A123456789", "a@b.org", "ticket 1"));
        assertThat(parse("{\"resetGranted\":true,\"concurrentAgencies\":[\"X10021000A\"]}", PersonnelResource.GrantsRequest.class))
                .isEqualTo(new PersonnelResource.GrantsRequest(true, List.of("X10021000A")));
        assertThat(parse("{\"nationalId\":\"A123456789\"}", PersonnelResource.SearchRequest.class).reason()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"nationalId\":123456789}",
        "{\"nationalId\":true}",
        "{\"nationalId\":[\"A123456789\"]}",
        "{\"nationalId\":{\"$ne\":null}}",
        "{\"nationalId\":\"A123456789\",\"admin\":true}",
        "{\"nationalId\":\"A123456789\"} {}",
        "[]",
        "null",
        "nationalId=A123456789",
        "{\"nationalId\":\"A123456789\"",
    })
    void refusesAnythingButTheSearchObject(String json) {
        assertThatThrownBy(() -> parse(json, PersonnelResource.SearchRequest.class))
                .isInstanceOfSatisfying(PersonnelException.class, e -> assertThat(e.problem()).isEqualTo(PersonnelProblem.INVALID_REQUEST));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"resetGranted\":\"yes\",\"concurrentAgencies\":[]}",
        "{\"resetGranted\":1,\"concurrentAgencies\":[]}",
        "{\"resetGranted\":true,\"concurrentAgencies\":\"X10021000A\"}",
        "{\"resetGranted\":true,\"concurrentAgencies\":[1,2]}",
        "{\"resetGranted\":true,\"concurrentAgencies\":{\"a\":1}}",
        "{\"resetGranted\":true,\"concurrentAgencies\":[[\"X10021000A\"]]}",
    })
    void refusesGrantsOfTheWrongTypes(String json) {
        assertThatThrownBy(() -> parse(json, PersonnelResource.GrantsRequest.class))
                .isInstanceOfSatisfying(PersonnelException.class, e -> assertThat(e.problem()).isEqualTo(PersonnelProblem.INVALID_REQUEST));
    }

    @Test
    void onlyJsonIsJson() {
        assertThat(RequestBody.isJson(new MediaType("application", "json"))).isTrue();
        assertThat(RequestBody.isJson(new MediaType("Application", "JSON", "utf-8"))).isTrue();
        assertThat(RequestBody.isJson(new MediaType("text", "plain"))).isFalse();
        assertThat(RequestBody.isJson(new MediaType("application", "x-www-form-urlencoded"))).isFalse();
        assertThat(RequestBody.isJson(new MediaType())).isFalse();
        assertThat(RequestBody.isJson(null)).isFalse();
    }
}

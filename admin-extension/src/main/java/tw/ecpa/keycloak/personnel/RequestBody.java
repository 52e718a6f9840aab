package tw.ecpa.keycloak.personnel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * A personnel request's JSON body, read here rather than by the JAX-RS provider so that every malformed
 * body gets the API's own problem answer (400 {@code invalid-request}, 415 {@code unsupported-media-type})
 * instead of Keycloak's generic error, and is read strictly: no unknown field, no number or boolean taken
 * for a text or the reverse, no single value taken for a list, nothing after the object, at most
 * {@value #MAX_BYTES} bytes. What the console sends is all of that.
 */
final class RequestBody {

    /** Far above the largest request a console sends (a chief's grants: 100 agency codes). */
    static final int MAX_BYTES = 16 * 1024;

    private static final ObjectMapper STRICT = strictMapper();

    private RequestBody() {
    }

    static <T> T read(HttpHeaders headers, InputStream body, Class<T> type) {
        if (!isJson(headers.getMediaType())) {
            throw PersonnelProblem.UNSUPPORTED_MEDIA_TYPE.exception();
        }
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw PersonnelProblem.INVALID_REQUEST.exception();
        }
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw PersonnelProblem.INVALID_REQUEST.exception();
        }
        return parse(bytes, type);
    }

    static <T> T parse(byte[] bytes, Class<T> type) {
        try {
            T value = STRICT.readValue(bytes, type);
            if (value == null) {
                throw PersonnelProblem.INVALID_REQUEST.exception();
            }
            return value;
        } catch (IOException e) {
            // Jackson's message quotes the body: it stays out of the answer and the log.
            throw PersonnelProblem.INVALID_REQUEST.exception();
        }
    }

    /** {@code application/json} with any parameters; a wildcard is no content type. */
    static boolean isJson(MediaType type) {
        return type != null && "application".equals(type.getType().toLowerCase(Locale.ROOT))
                && "json".equals(type.getSubtype().toLowerCase(Locale.ROOT));
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean, LogicalType.Collection}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Object, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Array, type == LogicalType.Collection ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return mapper;
    }
}

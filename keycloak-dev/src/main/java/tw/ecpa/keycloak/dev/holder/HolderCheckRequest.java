package tw.ecpa.keycloak.dev.holder;

import java.math.BigInteger;
import java.util.regex.Pattern;

import javax.security.auth.x500.X500Principal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tw.ecpa.keycloak.core.NationalId;

/**
 * A parsed {@code POST /holder-check} body:
 * {@code {"issuerDn": "<RFC 2253>", "serialNumber": "<lower-case hex>", "nationalId": "A123456789"}}.
 */
record HolderCheckRequest(X500Principal issuer, BigInteger serialNumber, NationalId nationalId) {

    /** Up to 20 octets, as RFC 5280 allows; lower case, as {@code BigInteger.toString(16)} writes it. */
    private static final Pattern SERIAL = Pattern.compile("[0-9a-f]{1,40}");

    /** Why a body is not a request; the name of each constant is the {@code error} of the 400 answer. */
    enum Problem {
        MALFORMED_JSON("malformed_json"),
        INVALID_ISSUER_DN("invalid_issuerDn"),
        INVALID_SERIAL_NUMBER("invalid_serialNumber"),
        INVALID_NATIONAL_ID("invalid_nationalId");

        private final String code;

        Problem(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    static final class InvalidRequest extends Exception {

        private static final long serialVersionUID = 1L;
        private final Problem problem;

        InvalidRequest(Problem problem) {
            super(problem.code(), null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    static HolderCheckRequest parse(ObjectNode body) throws InvalidRequest {
        X500Principal issuer;
        try {
            issuer = new X500Principal(text(body, "issuerDn", Problem.INVALID_ISSUER_DN));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(Problem.INVALID_ISSUER_DN);
        }
        String serial = text(body, "serialNumber", Problem.INVALID_SERIAL_NUMBER);
        if (!SERIAL.matcher(serial).matches()) {
            throw new InvalidRequest(Problem.INVALID_SERIAL_NUMBER);
        }
        NationalId nationalId = NationalId.parse(text(body, "nationalId", Problem.INVALID_NATIONAL_ID))
                .orElseThrow(() -> new InvalidRequest(Problem.INVALID_NATIONAL_ID));
        return new HolderCheckRequest(issuer, new BigInteger(serial, 16), nationalId);
    }

    private static String text(ObjectNode body, String field, Problem problem) throws InvalidRequest {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidRequest(problem);
        }
        return value.asText();
    }
}

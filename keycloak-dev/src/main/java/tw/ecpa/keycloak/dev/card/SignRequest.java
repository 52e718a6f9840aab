package tw.ecpa.keycloak.dev.card;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A checked {@code MakeSignature} request: {@code func}, {@code tbs}, {@code tbsEncoding} ("NONE" = the
 * UTF-8 bytes of the text, the default; "base64"), {@code hashAlgorithm} ("SHA256", the default),
 * {@code signatureType} ("PKCS7", the default), {@code pin}, {@code withCardSN} ("true"/"false").
 * Parameters are checked in that order, before the reader is asked anything.
 */
record SignRequest(byte[] tbs, String pin, boolean withCardSerialNumber) {

    static final String FUNC = "MakeSignature";

    static SignRequest parse(ObjectNode body) throws HiPkiError {
        JsonNode func = body.get("func");
        if (func == null || !func.isTextual() || func.asText().isEmpty()) {
            throw new HiPkiError(HiPkiCodes.PARAMETER_ERROR);
        }
        if (!FUNC.equals(func.asText())) {
            throw new HiPkiError(HiPkiCodes.UNSUPPORTED_METHOD);
        }
        String tbsText = text(body, "tbs");
        if (tbsText == null || tbsText.isEmpty()) {
            throw new HiPkiError(HiPkiCodes.NO_TBS);
        }
        byte[] tbs = decode(tbsText, optional(body, "tbsEncoding", "NONE"));
        if (!"SHA256".equalsIgnoreCase(optional(body, "hashAlgorithm", "SHA256"))) {
            throw new HiPkiError(HiPkiCodes.PARAMETER_ERROR);
        }
        if (!"PKCS7".equalsIgnoreCase(optional(body, "signatureType", "PKCS7"))) {
            throw new HiPkiError(HiPkiCodes.SIGNATURE_TYPE_ERROR);
        }
        String pin = text(body, "pin");
        if (pin == null || pin.isEmpty()) {
            throw new HiPkiError(HiPkiCodes.NO_PIN);
        }
        JsonNode withCardSn = body.path("withCardSN");
        boolean wantsCardSerialNumber = withCardSn.isBoolean() ? withCardSn.asBoolean() : "true".equalsIgnoreCase(withCardSn.asText());
        return new SignRequest(tbs, pin, wantsCardSerialNumber);
    }

    private static byte[] decode(String tbs, String encoding) throws HiPkiError {
        switch (encoding.toUpperCase(Locale.ROOT)) {
            case "NONE" -> {
                return tbs.getBytes(StandardCharsets.UTF_8);
            }
            case "BASE64" -> {
                try {
                    return Base64.getDecoder().decode(tbs);
                } catch (IllegalArgumentException e) {
                    throw new HiPkiError(HiPkiCodes.BASE64_DECODE_ERROR);
                }
            }
            default -> throw new HiPkiError(HiPkiCodes.PARAMETER_ERROR);
        }
    }

    /** A text member, or null when it is absent or not text. */
    private static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String optional(ObjectNode body, String field, String fallback) throws HiPkiError {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new HiPkiError(HiPkiCodes.PARAMETER_ERROR);
        }
        return value.asText();
    }

    /** Never the PIN or the tbs: a request may end up in an assertion message. */
    @Override
    public String toString() {
        return "SignRequest[" + tbs.length + " bytes, withCardSN=" + withCardSerialNumber + "]";
    }
}

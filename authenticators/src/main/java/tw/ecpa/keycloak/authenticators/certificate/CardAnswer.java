package tw.ecpa.keycloak.authenticators.certificate;

import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The card component's answer to {@code MakeSignature}, as the login page posts it: the component's JSON
 * text unchanged ({@code ret_code}, {@code last_error}, {@code signature} = base64 CMS SignedData,
 * {@code certb64} = base64 DER of the signer, {@code cardSN}).
 */
record CardAnswer(long retCode, long lastError, Optional<byte[]> signature, Optional<byte[]> certificate,
                  Optional<String> cardSerialNumber) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Well above a CMS signature with one RSA-4096 certificate; the component's own limit is 64 KiB. */
    static final int MAX_LENGTH = 64 * 1024;

    static Optional<CardAnswer> parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject() || !node.path("ret_code").canConvertToLong()) {
                return Optional.empty();
            }
            return Optional.of(new CardAnswer(
                    node.path("ret_code").asLong(),
                    node.path("last_error").asLong(0),
                    base64(node, "signature"),
                    base64(node, "certb64"),
                    Optional.ofNullable(node.get("cardSN")).filter(JsonNode::isTextual).map(JsonNode::asText)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> base64(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Base64.getDecoder().decode(value.asText().replaceAll("\\s", "")));
    }
}

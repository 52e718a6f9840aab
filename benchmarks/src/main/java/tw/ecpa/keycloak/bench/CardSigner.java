package tw.ecpa.keycloak.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import tw.ecpa.keycloak.dev.card.CmsSigner;
import tw.ecpa.keycloak.dev.pki.IssuedCard;

/**
 * What the card component answers to MakeSignature, made in the load generator instead of a reader: CMS
 * SignedData over the page's nonce (tbsEncoding NONE: the nonce's UTF-8 bytes, encapsulated),
 * SHA256withRSA, the card certificate included; the answer JSON as keycloak-dev's virtual reader sends it
 * (ret_code 0, signature, certb64, cardSN). The login page's script posts that text as
 * {@code ecpa.cardAnswer}. The PIN only unlocks the key on the card, so it never appears here.
 */
public final class CardSigner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPONENT_VERSION = "1.3.4.103";

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String certificateBase64;
    private final String cardSerialNumber;

    public CardSigner(IssuedCard card) {
        this.key = card.privateKey();
        this.certificate = card.certificate();
        try {
            this.certificateBase64 = Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.cardSerialNumber = card.card().cardSerialNumber();
    }

    /** The component's JSON answer for a signature over {@code nonce}. */
    public String answer(String nonce) {
        ObjectNode answer = JSON.createObjectNode()
                .put("func", "sign")
                .put("ret_code", 0)
                .put("last_error", 0)
                .put("version", COMPONENT_VERSION)
                .put("signature", Base64.getEncoder().encodeToString(sign(nonce.getBytes(StandardCharsets.UTF_8))))
                .put("certb64", certificateBase64)
                .put("cardSN", cardSerialNumber);
        return answer.toString();
    }

    private byte[] sign(byte[] content) {
        try {
            return CmsSigner.sign(content, key, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package tw.ecpa.keycloak.dev.card;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import tw.ecpa.keycloak.dev.cardworld.http.Exchanges;
import tw.ecpa.keycloak.dev.pki.CardKind;
import tw.ecpa.keycloak.dev.pki.IssuedCard;

/**
 * {@code GET|POST /pkcs11info[?withcert=true]}: the reader's slot and the inserted card's token, in the
 * shape of the component's answer (slots, token label and serial, and with {@code withcert=true} the
 * card's certificates). An empty reader is a slot without a token (ret_code 0); no reader is
 * {@link HiPkiCodes#NO_READER}.
 */
final class Pkcs11InfoHandler implements HttpHandler {

    private static final String FUNC = "pkcs11info";
    private static final String MANUFACTURER = "ECPA Keycloak TEST";
    private static final int CKF_TOKEN_PRESENT = 0x1;
    private static final int CKF_REMOVABLE_DEVICE = 0x2;
    private static final int CKF_HW_SLOT = 0x4;
    private static final DateTimeFormatter ASN1_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String[] KEY_USAGES = {
        "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement",
        "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"
    };

    private final ReaderState state;
    private final ReaderCors cors;

    Pkcs11InfoHandler(ReaderState state, ReaderCors cors) {
        this.state = state;
        this.cors = cors;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (cors.preflightOrDecorate(exchange, "GET, POST")) {
            return;
        }
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"POST".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, POST");
            Exchanges.sendJson(exchange, 405, HiPkiAnswers.answer(FUNC, HiPkiCodes.UNSUPPORTED_METHOD, 0));
            return;
        }
        if (!state.readerConnected()) {
            Exchanges.sendJson(exchange, 200, HiPkiAnswers.answer(FUNC, HiPkiCodes.NO_READER, 0));
            return;
        }
        boolean withCertificates = "true".equalsIgnoreCase(Exchanges.query(exchange).get("withcert"));
        Exchanges.sendJson(exchange, 200, info(state.inserted(), withCertificates));
    }

    private static ObjectNode info(Optional<VirtualCard> inserted, boolean withCertificates) throws IOException {
        ObjectNode answer = HiPkiAnswers.answer(FUNC, HiPkiCodes.OK, 0)
                .put("manufacturerID", MANUFACTURER)
                .put("libraryDescription", "Virtual HiPKI PKCS#11 library (TEST)")
                .put("cryptokiVersion", "2.20")
                .put("libraryVersion", "1.0");
        ObjectNode slot = answer.putArray("slots").addObject()
                .put("slotID", 0)
                .put("slotDescription", "ECPA Virtual Card Reader 0")
                .put("manufacturerID", MANUFACTURER)
                .put("hardwareVersion", "1.0")
                .put("firmwareVersion", "1.0")
                .put("flags", CKF_REMOVABLE_DEVICE | CKF_HW_SLOT | (inserted.isPresent() ? CKF_TOKEN_PRESENT : 0));
        if (inserted.isPresent()) {
            slot.set("token", token(inserted.get().issued(), withCertificates));
        }
        return answer;
    }

    private static ObjectNode token(IssuedCard card, boolean withCertificates) throws IOException {
        boolean citizen = card.card().kind() == CardKind.CITIZEN;
        ObjectNode token = Exchanges.object()
                .put("label", citizen ? "MOICA TEST CARD" : "GCA TEST CARD")
                .put("serialNumber", card.card().cardSerialNumber())
                .put("manufacturerID", MANUFACTURER)
                .put("model", citizen ? "virtual citizen card" : "virtual agency card")
                .put("ulMinPinLen", VirtualCard.MIN_PIN_LENGTH)
                .put("ulMaxPinLen", VirtualCard.MAX_PIN_LENGTH);
        if (withCertificates) {
            ArrayNode certificates = token.putArray("certs");
            certificates.add(certificate(card.certificate(), "RSACert1"));
            certificates.add(certificate(card.issuer().certificate(), "CA Cert"));
        }
        return token;
    }

    private static ObjectNode certificate(X509Certificate certificate, String label) throws IOException {
        try {
            return Exchanges.object()
                    .put("label", label)
                    .put("usage", usage(certificate))
                    .put("certb64", Base64.getEncoder().encodeToString(certificate.getEncoded()))
                    .put("sn", certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT))
                    .put("subjectDN", componentDn(certificate.getSubjectX500Principal()))
                    .put("issuerDN", componentDn(certificate.getIssuerX500Principal()))
                    .put("subjectCN", commonName(certificate.getSubjectX500Principal()))
                    .put("notBefore", ASN1_TIME.format(certificate.getNotBefore().toInstant()))
                    .put("notAfter", ASN1_TIME.format(certificate.getNotAfter().toInstant()))
                    .put("notBeforeT", certificate.getNotBefore().toInstant().getEpochSecond())
                    .put("notAfterT", certificate.getNotAfter().toInstant().getEpochSecond());
        } catch (CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    private static String usage(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        StringJoiner usage = new StringJoiner("|");
        for (int i = 0; bits != null && i < bits.length && i < KEY_USAGES.length; i++) {
            if (bits[i]) {
                usage.add(KEY_USAGES[i]);
            }
        }
        return usage.toString();
    }

    /** {@code C=TW,CN=王大明,serialNumber=...}: the encoded order and labels the component prints. */
    private static String componentDn(X500Principal principal) {
        StringJoiner dn = new StringJoiner(",");
        for (RDN rdn : X500Name.getInstance(principal.getEncoded()).getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                dn.add(label(attribute.getType()) + "=" + IETFUtils.valueToString(attribute.getValue()));
            }
        }
        return dn.toString();
    }

    private static String label(ASN1ObjectIdentifier type) {
        if (BCStyle.SERIALNUMBER.equals(type)) {
            return "serialNumber";
        }
        String symbol = BCStyle.INSTANCE.oidToDisplayName(type);
        return symbol == null ? type.getId() : symbol;
    }

    private static String commonName(X500Principal principal) {
        RDN[] names = X500Name.getInstance(principal.getEncoded()).getRDNs(BCStyle.CN);
        return names.length == 0 ? "" : IETFUtils.valueToString(names[0].getFirst().getValue());
    }
}

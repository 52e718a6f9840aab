package tw.ecpa.keycloak.dev.card;

import java.util.Locale;

/**
 * The HiPKI local server's error codes, as the public MOICA/GCA sample pages decode them
 * ({@code MajorErrorReason} / {@code MinorErrorReason}). JSON carries them as plain numbers; every
 * {@code ret_code} here is below 2^31, so it is the same positive number in any client.
 *
 * <p>{@code ret_code} is the component's own code; {@code last_error} is the PKCS#11 return value of
 * the card operation that failed ({@code CKR_*}), 0 when none did.
 */
public final class HiPkiCodes {

    public static final int OK = 0;

    /** 0x76000003 未輸入待簽訊息: no {@code tbs}. */
    public static final int NO_TBS = 0x76000003;
    /** 0x76000006 未插入IC卡: the reader is empty. */
    public static final int NO_CARD = 0x76000006;
    /** 0x7600000A 檔案過大: the request body is over the limit. */
    public static final int TOO_LARGE = 0x7600000A;
    /** 0x7600000B JSON格式錯誤: the body is not a JSON object. */
    public static final int JSON_ERROR = 0x7600000B;
    /** 0x7600000C 參數錯誤: a missing {@code func}, a bad {@code tbsEncoding} or {@code hashAlgorithm}. */
    public static final int PARAMETER_ERROR = 0x7600000C;
    /** 0x7600000E 不支援的方法: an unknown {@code func} or HTTP method. */
    public static final int UNSUPPORTED_METHOD = 0x7600000E;
    /** 0x7600000F 禁止存取的網域: a cross-origin caller that is not on the allow-list. */
    public static final int FORBIDDEN_DOMAIN = 0x7600000F;
    /** 0x76000998 未輸入PIN碼: no {@code pin}. */
    public static final int NO_PIN = 0x76000998;
    /** 0x7600000D 執行檔錯誤或逾時: the popup could not reach the component. */
    public static final int COMPONENT_TIMEOUT = 0x7600000D;
    /** 0x76100003 無可用讀卡機: no card reader attached. */
    public static final int NO_READER = 0x76100003;
    /** 0x76100006 IC卡登入失敗: the PIN was refused; {@code last_error} tells why. */
    public static final int CARD_LOGIN_FAILED = 0x76100006;
    /** 0x76300002 簽章型別錯誤: a {@code signatureType} other than PKCS7. */
    public static final int SIGNATURE_TYPE_ERROR = 0x76300002;
    /** 0x76300004 簽章執行錯誤: signing failed inside the component. */
    public static final int SIGNING_FAILED = 0x76300004;
    /** 0x76600002 Base64解碼錯誤: {@code tbsEncoding} base64 with text that is not base64. */
    public static final int BASE64_DECODE_ERROR = 0x76600002;

    /** last_error 0xA0 CKR_PIN_INCORRECT, PIN碼錯誤. */
    public static final int CKR_PIN_INCORRECT = 0xA0;
    /** last_error 0xA2 CKR_PIN_LEN_RANGE, PIN碼長度錯誤: not counted as a wrong PIN. */
    public static final int CKR_PIN_LEN_RANGE = 0xA2;
    /** last_error 0xA4 CKR_PIN_LOCKED, 已鎖卡: unlock at MOICA (citizen) or GCA (agency). */
    public static final int CKR_PIN_LOCKED = 0xA4;

    private HiPkiCodes() {
    }

    /** {@code 0x76000006}: how integrations print the codes. */
    public static String hex(int code) {
        return "0x" + Integer.toHexString(code).toUpperCase(Locale.ROOT);
    }
}

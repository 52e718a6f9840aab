package tw.ecpa.keycloak.core;

/**
 * Masks a national ID the way the guide's lists show it: the first two and the last three characters
 * stay, the five between become asterisks ({@code S223456662} → {@code S2*****662}).
 */
public final class NationalIdMask {

    private static final int KEEP_START = 2;
    private static final int KEEP_END = 3;

    private NationalIdMask() {
    }

    /**
     * Masks any string, valid ID or not, so that it can go into a log line or an event detail. Strings
     * too short to keep anything are masked whole; null stays null.
     */
    public static String mask(String id) {
        if (id == null) {
            return null;
        }
        int length = id.length();
        if (length <= KEEP_START + KEEP_END) {
            return "*".repeat(length);
        }
        return id.substring(0, KEEP_START) + "*".repeat(length - KEEP_START - KEEP_END) + id.substring(length - KEEP_END);
    }
}

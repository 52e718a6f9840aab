package tw.ecpa.keycloak.core.account;

import java.util.regex.Pattern;

/**
 * 個人電話 as people write it: {@code 02-2397-9298}, {@code (02)2397-9298}, {@code +886 2 2397 9298},
 * {@code 0912-345-678}. The record keeps one form, the domestic digits ({@code 0223979298}), which the
 * user profile's pattern then checks; what is not a phone number is left for that check to refuse.
 */
public final class PhoneNumber {

    /** What people put between the digits: spaces (also full-width), hyphens, dots, parentheses. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000\\-.()（）－]");
    private static final String COUNTRY_CODE = "+886";

    private PhoneNumber() {
    }

    /** The stored form of what was typed: separators gone, {@code +886} (and a trunk 0 after it) as 0. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = SEPARATORS.matcher(typed.strip()).replaceAll("");
        if (digits.startsWith(COUNTRY_CODE)) {
            String national = digits.substring(COUNTRY_CODE.length());
            digits = national.startsWith("0") ? national : "0" + national;
        }
        return digits;
    }
}

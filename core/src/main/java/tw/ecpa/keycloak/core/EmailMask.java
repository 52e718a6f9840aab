package tw.ecpa.keycloak.core;

/**
 * Masks an e-mail address for events and logs ({@code ab***@example.org}): enough of the mailbox to
 * tell two addresses of one person apart, the domain whole (usually the agency's), and always three
 * asterisks so that the mask tells nothing of the mailbox's length. A mailbox of one or two characters
 * keeps one character less than it has, so no mask ever shows a whole mailbox.
 */
public final class EmailMask {

    private static final int KEEP = 2;
    private static final String HIDDEN = "***";

    private EmailMask() {
    }

    /** Masks any string, address or not; one without an {@code @} is masked whole. Null stays null. */
    public static String mask(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return HIDDEN;
        }
        int keep = Math.min(KEEP, Math.max(0, at - 1));
        return email.substring(0, keep) + HIDDEN + email.substring(at);
    }
}

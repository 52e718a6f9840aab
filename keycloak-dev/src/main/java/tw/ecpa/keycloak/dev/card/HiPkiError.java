package tw.ecpa.keycloak.dev.card;

/** A request the component refuses, with the codes it answers. Carries no request content. */
final class HiPkiError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int retCode;
    private final int lastError;

    HiPkiError(int retCode) {
        this(retCode, 0);
    }

    HiPkiError(int retCode, int lastError) {
        super(HiPkiCodes.hex(retCode), null, false, false);
        this.retCode = retCode;
        this.lastError = lastError;
    }

    int retCode() {
        return retCode;
    }

    int lastError() {
        return lastError;
    }
}

package tw.ecpa.keycloak.dev.cardworld.http;

import java.io.IOException;

/** A request body over the service's limit; the handler answers it with its own error shape. */
public final class RequestTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public RequestTooLargeException(int limit) {
        super("request body over " + limit + " bytes");
    }
}

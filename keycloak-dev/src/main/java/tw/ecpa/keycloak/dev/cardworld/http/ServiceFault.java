package tw.ecpa.keycloak.dev.cardworld.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How a card-world service misbehaves on purpose, so that tests can prove the server fails closed:
 * answering late, answering 503, or not accepting connections at all.
 */
public record ServiceFault(Mode mode, Duration delay) {

    public enum Mode {
        /** Answers at once. */
        NORMAL,
        /** Answers normally after {@link ServiceFault#delay()}. */
        SLOW,
        /** Answers every request with 503 Service Unavailable. */
        DOWN,
        /** Closes its listening socket: clients get "connection refused". */
        REFUSE
    }

    public ServiceFault {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
    }

    public static ServiceFault normal() {
        return new ServiceFault(Mode.NORMAL, Duration.ZERO);
    }

    public static ServiceFault slow(Duration delay) {
        return new ServiceFault(Mode.SLOW, delay);
    }

    public static ServiceFault down() {
        return new ServiceFault(Mode.DOWN, Duration.ZERO);
    }

    public static ServiceFault refuse() {
        return new ServiceFault(Mode.REFUSE, Duration.ZERO);
    }
}

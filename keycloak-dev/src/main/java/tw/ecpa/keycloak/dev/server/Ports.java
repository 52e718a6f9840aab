package tw.ecpa.keycloak.dev.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

/** Whether a loopback port is free, for the servers this package starts (dev Keycloak, cluster nodes, PostgreSQL). */
final class Ports {

    private Ports() {
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits up to {@code limit} for a port a stopped server held to be free again (the OS may keep it a moment). */
    static void awaitFree(int port, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (!isFree(port) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for port " + port, e);
            }
        }
    }

    static void requireFree(int port) {
        if (!isFree(port)) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is taken: is a server of an earlier run still up?");
        }
    }
}

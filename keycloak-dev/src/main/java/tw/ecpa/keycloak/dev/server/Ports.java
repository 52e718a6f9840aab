package tw.ecpa.keycloak.dev.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

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

    static void requireFree(int port) {
        if (!isFree(port)) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is taken: is a server of an earlier run still up?");
        }
    }
}

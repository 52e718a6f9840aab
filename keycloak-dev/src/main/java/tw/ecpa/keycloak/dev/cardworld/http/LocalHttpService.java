package tw.ecpa.keycloak.dev.cardworld.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * One card-world HTTP service on 127.0.0.1: its routes, its {@link ServiceFault}, and a catch-all so
 * that no request ever ends in a dropped connection or a stack trace.
 *
 * <p>The socket is bound by {@link #bind} before anything is served, so that a service on port 0 knows
 * its URL before the content that embeds that URL exists (the test PKI puts the revocation URL into its
 * certificates). Control routes are exempt from faults, so that a test can always switch a slow or down
 * service back; only {@link ServiceFault.Mode#REFUSE} takes them away with the socket.
 */
public final class LocalHttpService implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalHttpService.class.getName());
    private static final InetAddress LOOPBACK = loopback();
    private static final int BACKLOG = 64;
    private static final Set<String> LOOPBACK_HOST_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String name;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile ServiceFault fault = ServiceFault.normal();
    private volatile boolean loopbackHostsOnly;

    private HttpServer server;
    private boolean started;
    private boolean closed;
    private long faultGeneration;

    private LocalHttpService(String name, HttpServer boundServer) {
        this.name = name;
        this.server = boundServer;
        this.port = boundServer.getAddress().getPort();
        this.workers = Executors.newCachedThreadPool(daemonThreads("card-world-" + name));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("card-world-" + name + "-timer"));
        serveWith(boundServer);
    }

    /** Binds 127.0.0.1:{@code port} (0 = any free port) without serving yet. */
    public static LocalHttpService bind(String name, int port) throws IOException {
        return new LocalHttpService(name, HttpServer.create(new InetSocketAddress(LOOPBACK, port), BACKLOG));
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /**
     * Refuses requests whose {@code Host} is not a loopback name: a page that rebinds its own DNS name
     * to 127.0.0.1 must not pass for a same-origin caller of a browser-facing service.
     */
    public void acceptLoopbackHostsOnly() {
        loopbackHostsOnly = true;
    }

    /** Serves exactly {@code path}, subject to the current fault. */
    public void route(String path, HttpHandler handler) {
        routes.add(new Route(path, false, false, handler));
    }

    /** Serves every path under {@code prefix}, subject to the current fault. */
    public void routePrefix(String prefix, HttpHandler handler) {
        routes.add(new Route(prefix, true, false, handler));
    }

    /** Serves exactly {@code path} whatever the fault, as long as the socket is open. */
    public void controlRoute(String path, HttpHandler handler) {
        routes.add(new Route(path, false, true, handler));
    }

    /** Serves every path under {@code prefix} whatever the fault, as long as the socket is open. */
    public void controlRoutePrefix(String prefix, HttpHandler handler) {
        routes.add(new Route(prefix, true, true, handler));
    }

    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
        if (!started) {
            started = true;
            server.start();
            LOG.log(System.Logger.Level.INFO, "{0} listening on {1}", name, baseUrl());
        }
    }

    public ServiceFault fault() {
        return fault;
    }

    /** Switches the fault until told otherwise. */
    public synchronized void setFault(ServiceFault newFault) {
        faultGeneration++;
        apply(Objects.requireNonNull(newFault, "fault"));
    }

    /**
     * Refuses connections for a while, then serves normally again. This is how a control request can ask
     * for {@link ServiceFault.Mode#REFUSE}: with the socket closed, nobody could switch it back by HTTP.
     */
    public synchronized void refuseFor(Duration duration) {
        long generation = ++faultGeneration;
        apply(ServiceFault.refuse());
        timer.schedule(() -> {
            synchronized (this) {
                if (faultGeneration == generation && !closed) {
                    apply(ServiceFault.normal());
                }
            }
        }, duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.stop(0);
            server = null;
        }
        timer.shutdownNow();
        workers.shutdownNow();
    }

    private void apply(ServiceFault newFault) {
        ServiceFault previous = fault;
        fault = newFault;
        if (closed) {
            return;
        }
        if (newFault.mode() == ServiceFault.Mode.REFUSE) {
            if (server != null) {
                server.stop(0);
                server = null;
                LOG.log(System.Logger.Level.INFO, "{0} refusing connections", name);
            }
        } else if (server == null) {
            reopen();
        }
        if (!newFault.equals(previous)) {
            LOG.log(System.Logger.Level.INFO, "{0} fault: {1}", name, newFault.mode());
        }
    }

    private void reopen() {
        try {
            HttpServer reopened = HttpServer.create(new InetSocketAddress(LOOPBACK, port), BACKLOG);
            serveWith(reopened);
            server = reopened;
            if (started) {
                reopened.start();
            }
        } catch (IOException e) {
            throw new IllegalStateException(name + " cannot listen on port " + port + " again", e);
        }
    }

    /** One context for everything: routing, faults and the catch-all are this class's own. */
    private void serveWith(HttpServer httpServer) {
        httpServer.createContext("/", this::dispatch);
        httpServer.setExecutor(workers);
    }

    private void dispatch(HttpExchange exchange) {
        try {
            if (loopbackHostsOnly && !fromLoopbackHost(exchange)) {
                Exchanges.sendJson(exchange, 403, Exchanges.error("forbidden_host"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Route route = routeFor(path);
            if (route == null) {
                Exchanges.sendJson(exchange, 404, Exchanges.error("not_found"));
                return;
            }
            if (!route.control() && !passFault(exchange)) {
                return;
            }
            route.handler().handle(exchange);
        } catch (IOException e) {
            // Mostly a client that hung up, e.g. on its own time-out while the service was slow.
            LOG.log(System.Logger.Level.INFO, "{0}: {1} {2} ended with {3}; the client may have gone away", name,
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.getClass().getName());
            LOG.log(System.Logger.Level.DEBUG, "failure detail", e);
            answerInternalError(exchange);
        } catch (RuntimeException e) {
            // The class only: an exception message may quote request content.
            LOG.log(System.Logger.Level.WARNING, "{0}: {1} {2} failed with {3}", name,
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.getClass().getName());
            LOG.log(System.Logger.Level.DEBUG, "failure detail", e);
            answerInternalError(exchange);
        }
    }

    /** An exact route first, else the longest matching prefix. */
    private Route routeFor(String path) {
        return routes.stream().filter(r -> !r.prefix() && r.path().equals(path)).findFirst()
                .or(() -> routes.stream().filter(r -> r.prefix() && path.startsWith(r.path()))
                        .max(Comparator.comparingInt(r -> r.path().length())))
                .orElse(null);
    }

    /** Applies the fault; false when the request has been answered by it. */
    private boolean passFault(HttpExchange exchange) throws IOException {
        ServiceFault current = fault;
        switch (current.mode()) {
            case DOWN -> {
                exchange.getResponseHeaders().set("Retry-After", "1");
                Exchanges.sendJson(exchange, 503, Exchanges.error("unavailable"));
                return false;
            }
            case SLOW -> {
                try {
                    Thread.sleep(current.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    Exchanges.sendJson(exchange, 503, Exchanges.error("unavailable"));
                    return false;
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    private static boolean fromLoopbackHost(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return true;
        }
        String lower = host.trim().toLowerCase(Locale.ROOT);
        int portSeparator = lower.lastIndexOf(':');
        String hostName = portSeparator > lower.lastIndexOf(']') ? lower.substring(0, portSeparator) : lower;
        return LOOPBACK_HOST_NAMES.contains(hostName);
    }

    private static void answerInternalError(HttpExchange exchange) {
        try {
            Exchanges.sendJson(exchange, 500, Exchanges.error("internal_error"));
        } catch (IOException | RuntimeException alreadyAnswered) {
            exchange.close();
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Route(String path, boolean prefix, boolean control, HttpHandler handler) {
    }
}

package tw.ecpa.keycloak.dev.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own for a Keycloak cluster on this machine: Debian's {@code postgresql}
 * binaries, a data directory made afresh under the caller's {@code target/}, TCP on 127.0.0.1 only (no
 * Unix socket, so it never meets the system's own cluster), one database {@code keycloak} owned by a user
 * {@code keycloak} whose password is new every start (SCRAM). Started and stopped by whoever made it;
 * {@link #stop()} and {@link #startAgain()} are a database outage, with the data kept.
 *
 * <p>PostgreSQL refuses to run as root: when this JVM is root (CI's fresh machines), every PostgreSQL
 * command runs as the {@code postgres} user the Debian package creates, and the data directory is given to
 * it. The data is thrown away on the next start, so durability is traded for speed ({@code fsync=off}).
 */
public final class PrivatePostgres implements AutoCloseable {

    public static final String DATABASE = "keycloak";
    public static final String USER = "keycloak";
    private static final String SYSTEM_USER = "postgres";

    private final Path directory;
    private final int port;
    private final Path bin;
    private final String password;
    private boolean running;

    private PrivatePostgres(Path directory, int port, Path bin) {
        this.directory = directory.toAbsolutePath();
        this.port = port;
        this.bin = bin;
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        this.password = HexFormat.of().formatHex(secret);
    }

    /**
     * Initialises a new cluster in {@code directory} (whatever was there goes, a server left running on it by
     * an earlier run is stopped first), starts it on {@code port} and creates the database.
     */
    public static PrivatePostgres start(Path directory, int port) {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL is not installed: apt-get install postgresql (Debian's package; .ci/run installs it where missing)"));
        PrivatePostgres postgres = new PrivatePostgres(directory, port, bin);
        postgres.initialise();
        postgres.startAgain();
        postgres.createDatabase();
        return postgres;
    }

    /** Whether Debian's PostgreSQL server binaries are here, so a test or the launcher can say what to install. */
    public static boolean installed() {
        return binaries().isPresent();
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin} holding {@code initdb}. */
    static Optional<Path> binaries() {
        Path root = Path.of(System.getProperty("ecpa.postgres.root", "/usr/lib/postgresql"));
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(PrivatePostgres::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    /** The database user's password, new every start; it goes to Keycloak's options, never to a log. */
    public String password() {
        return password;
    }

    public boolean running() {
        return running;
    }

    private Path data() {
        return directory.resolve("data");
    }

    public Path log() {
        return directory.resolve("postgres.log");
    }

    private void initialise() {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "stop"), false);
            }
            Directories.deleteRecursively(directory);
            Files.createDirectories(data());
            Path passwordFile = directory.resolve("initdb-password");
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            Files.writeString(log(), "");
            giveToPostgresUser(directory, data(), passwordFile, log());
            run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", USER, "--pwfile=" + passwordFile,
                    "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"), true);
            Files.delete(passwordFile);
            Files.writeString(data().resolve("postgresql.conf"), String.join("\n",
                    "",
                    "# ecpa-keycloak's private test cluster",
                    "listen_addresses = '127.0.0.1'",
                    "port = " + port,
                    "unix_socket_directories = ''",
                    // two Keycloak nodes with their pools, the jdbc-ping discovery and a test's own connections
                    "max_connections = 300",
                    // thrown away at the next start: no need to survive a power cut
                    "fsync = off",
                    "synchronous_commit = off",
                    "full_page_writes = off",
                    ""), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the PostgreSQL cluster in " + directory, e);
        }
    }

    /** Starts the server on the data it has (after {@link #stop()}: the end of an outage); returns once it accepts connections. */
    public void startAgain() {
        if (running) {
            return;
        }
        Ports.requireFree(port);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", log().toString(), "-w", "-t", "60", "start"), true);
        running = true;
    }

    /** Stops the server (fast shutdown: open connections are cut, as in an outage); the data stays. */
    public void stop() {
        if (!running) {
            return;
        }
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "-t", "60", "stop"), true);
        running = false;
    }

    private void createDatabase() {
        run(psql("postgres", "CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'"), true);
    }

    /** {@code psql} on this server as the Keycloak user, one statement, unaligned rows without headers. */
    private List<String> psql(String database, String sql) {
        return List.of(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                "-p", Integer.toString(port), "-U", USER, "-d", database, "-c", sql);
    }

    /**
     * Runs one SQL statement in the Keycloak database with {@code psql} and returns its rows, one per line,
     * columns separated by {@code |}: what a test reads to see what the database holds.
     */
    public List<String> query(String sql) {
        ProcessBuilder builder = new ProcessBuilder(psql(DATABASE, sql)).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("psql failed: " + out.strip());
            }
            return out.lines().filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running psql", e);
        }
    }

    private void run(List<String> command, boolean mustSucceed) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().put("PGPASSWORD", password);
        try {
            Process process = builder.start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in 90 s; see " + log());
            }
            if (mustSucceed && process.exitValue() != 0) {
                throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " failed (exit " + process.exitValue() + "); see " + log());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void giveToPostgresUser(Path... paths) throws IOException {
        if (!isRoot()) {
            return;
        }
        UserPrincipal postgres = paths[0].getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SYSTEM_USER);
        for (Path path : paths) {
            Files.setOwner(path, postgres);
        }
    }


    /** Stops the server; the data stays until the next start makes a new cluster. */
    @Override
    public void close() {
        if (running) {
            try {
                stop();
            } catch (RuntimeException e) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "stop"), false);
                running = false;
            }
        }
    }
}

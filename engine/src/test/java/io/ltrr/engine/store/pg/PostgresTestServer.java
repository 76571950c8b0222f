package io.ltrr.engine.store.pg;

import static io.ltrr.engine.LocalServers.UNPRIVILEGED_USER;
import static io.ltrr.engine.LocalServers.ensureTraversable;
import static io.ltrr.engine.LocalServers.freePort;
import static io.ltrr.engine.LocalServers.run;
import static io.ltrr.engine.LocalServers.runningAsRoot;
import static io.ltrr.engine.LocalServers.unprivilegedGroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the store's tests: the machine's installed server (Debian's {@code postgresql}
 * package, {@code /usr/lib/postgresql/<newest>/bin}, or the folder named by the system property
 * {@value #BIN_PROPERTY}), its cluster made by {@code initdb} in a fresh temporary folder and started on a free
 * loopback port.
 *
 * <p>PostgreSQL refuses to run as root; when the test JVM is root (as in CI), the folder is handed to
 * {@code nobody} and {@code initdb} and {@code postgres} are started through {@code setpriv}. Two roles can log in
 * over TCP: the superuser {@value #SUPERUSER} without a password (trust), and {@value #TEAM_ROLE}, a plain role
 * that must give its password (SCRAM), for the credential tests. The server runs with {@code fsync=off}: the tests
 * never cut the power, and a commit need not wait for the disk. Its output goes to {@value #OUTPUT_FILE} in its
 * folder; a start-up failure throws with the last lines. {@link #close()} stops the server (fast shutdown) and
 * deletes the folder.
 */
public final class PostgresTestServer implements AutoCloseable {

    /** System property naming the folder of {@code initdb} and {@code postgres}. */
    public static final String BIN_PROPERTY = "ltrr.postgres.bin";
    /** The superuser, trusted on loopback without a password. */
    public static final String SUPERUSER = "ltrr";
    /** A login role that must authenticate with {@link #teamPassword()}. */
    public static final String TEAM_ROLE = "ltrr_team";

    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
    private static final String OUTPUT_FILE = "server-output.log";
    /** Only for this throwaway server; never printed. */
    private static final String TEAM_PASSWORD = "team-test-secret";
    private static final String CREATE_TEAM_ROLE =
            "CREATE ROLE " + TEAM_ROLE + " LOGIN PASSWORD '" + TEAM_PASSWORD + "'";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final int TAIL_LINES = 30;

    private static PostgresTestServer shared;
    private static RuntimeException sharedFailure;

    private final Path folder;
    private final List<String> command;
    private Process process;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresTestServer(Path folder, List<String> command, Process process, int port) {
        this.folder = folder;
        this.command = List.copyOf(command);
        this.process = process;
        this.port = port;
    }

    /**
     * The test JVM's one server, started on first use and stopped (its folder deleted) by a JVM shutdown hook.
     * Callers must not close it; they isolate themselves with {@link #newDatabase()}. A failed start is not tried
     * again: later calls throw the same error.
     */
    public static synchronized PostgresTestServer shared() {
        if (sharedFailure != null) {
            throw sharedFailure;
        }
        if (shared == null) {
            PostgresTestServer server;
            try {
                server = start();
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-test-server-stop"));
            shared = server;
        }
        return shared;
    }

    /** A separate server; the caller closes it. */
    public static PostgresTestServer start() {
        Path bin = binFolder();
        try {
            return launch(bin);
        } catch (BindFailure first) {
            // Another process took the port between our pick and the server's bind: once more with a new one.
            try {
                return launch(bin);
            } catch (BindFailure second) {
                throw new IllegalStateException(second.getMessage(), second);
            }
        }
    }

    /** The server's TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The temporary folder the server runs in (cluster, socket, output); {@link #close()} deletes it. */
    public Path folder() {
        return folder;
    }

    /** The process id of the postmaster. */
    public long pid() {
        return process.pid();
    }

    /** The JDBC URL of a database of this server, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A connection to a database as the superuser (auto-commit on); the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), credentials(SUPERUSER, null));
    }

    /** The password of {@link #TEAM_ROLE}. */
    public String teamPassword() {
        return TEAM_PASSWORD;
    }

    /** Creates an empty database owned by the superuser, with a name unique on this server, and returns the name. */
    public String newDatabase() throws SQLException {
        String name = "test_" + databases.incrementAndGet();
        try (Connection c = connect("postgres");
             PreparedStatement ps = c.prepareStatement("CREATE DATABASE " + name)) {
            ps.execute();
        }
        return name;
    }

    /**
     * Stops the server but keeps its cluster, as an outage would: clients get their sessions ended and then
     * "connection refused" until {@link #startAgain()}. Only for a server of one's own ({@link #start()}).
     */
    public synchronized void stopServer() {
        if (this == shared) {
            throw new IllegalStateException("the shared test server is not stopped by a test");
        }
        stop(process);
    }

    /** Starts a server stopped by {@link #stopServer()} again, on the same port and cluster; waits until it answers. */
    public synchronized void startAgain() {
        if (process.isAlive()) {
            return;
        }
        Path output = folder.resolve(OUTPUT_FILE);
        try {
            process = serverProcess(command, folder, output, true).start();
            awaitReady(this, output);
        } catch (IOException | BindFailure e) {
            throw new IllegalStateException("The PostgreSQL test server did not start again: " + e.getMessage()
                    + outputTail(output), e);
        }
    }

    /**
     * As {@link #newDatabase()}, with a linguistic default collation (ICU's en-US) instead of the cluster's C: text
     * is ordered as most servers' databases order it ("a" &lt; "B" &lt; "é"), not by code point.
     */
    public String newLinguisticDatabase() throws SQLException {
        String name = "test_" + databases.incrementAndGet() + "_en_us";
        try (Connection c = connect("postgres");
             PreparedStatement ps = c.prepareStatement("CREATE DATABASE " + name
                     + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'")) {
            ps.execute();
        }
        return name;
    }

    /**
     * Stops the server: SIGINT (PostgreSQL's fast shutdown: open sessions are ended), up to 20 s of grace, then a
     * forced kill of it and its children; then deletes its folder. Calling it again does nothing more.
     */
    @Override
    public synchronized void close() {
        stop(process);
        deleteFolder(folder);
    }

    static Properties credentials(String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        return properties;
    }

    private static Path binFolder() {
        String configured = System.getProperty(BIN_PROPERTY);
        Path bin;
        if (configured != null) {
            bin = Path.of(configured);
        } else {
            try (Stream<Path> versions = Files.list(DEBIAN_VERSIONS)) {
                bin = versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                        .map(v -> v.resolve("bin"))
                        .orElse(DEBIAN_VERSIONS);
            } catch (IOException e) {
                bin = DEBIAN_VERSIONS;
            }
        }
        for (String program : List.of("initdb", "postgres")) {
            if (!Files.isExecutable(bin.resolve(program))) {
                throw new IllegalStateException("No PostgreSQL server at " + bin.toAbsolutePath().resolve(program)
                        + ": install Debian's postgresql package or set -D" + BIN_PROPERTY + "=<folder of postgres>");
            }
        }
        return bin;
    }

    private static PostgresTestServer launch(Path bin) throws BindFailure {
        Path folder = null;
        Process process = null;
        try {
            folder = Files.createTempDirectory("ltrr-postgres-");
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path data = folder.resolve("data");
            Path socket = Files.createDirectories(folder.resolve("socket"));
            Path output = folder.resolve(OUTPUT_FILE);
            boolean root = runningAsRoot();
            if (root) {
                ensureTraversable(folder.getParent());
                ensureTraversable(bin);
                run("chown", "-R", UNPRIVILEGED_USER + ":" + unprivilegedGroup(), folder.toString());
            }
            List<String> initdb = asServerUser(root, bin.resolve("initdb").toString(), "-D", data.toString(),
                    "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync");
            Process init = serverProcess(initdb, folder, output, false).start();
            if (!init.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                init.destroyForcibly();
                throw new IllegalStateException("initdb did not finish within " + START_TIMEOUT.toSeconds() + " s");
            }
            if (init.exitValue() != 0) {
                throw new IllegalStateException("initdb exited with code " + init.exitValue());
            }
            // First match wins: the superuser is trusted, everyone else gives a password over TCP.
            Files.writeString(data.resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all " + SUPERUSER + " 127.0.0.1/32 trust",
                    "host all all 127.0.0.1/32 scram-sha-256", ""));
            if (root) {
                run("chown", UNPRIVILEGED_USER + ":" + unprivilegedGroup(), data.resolve("pg_hba.conf").toString());
            }
            int port = freePort();
            List<String> postgres = asServerUser(root, bin.resolve("postgres").toString(), "-D", data.toString(),
                    "-k", socket.toString(),
                    "-c", "listen_addresses=127.0.0.1",
                    "-c", "port=" + port,
                    "-c", "fsync=off",
                    "-c", "full_page_writes=off",
                    "-c", "password_encryption=scram-sha-256");
            process = serverProcess(postgres, folder, output, true).start();
            PostgresTestServer server = new PostgresTestServer(folder, postgres, process, port);
            awaitReady(server, output);
            try (Connection c = server.connect("postgres");
                 PreparedStatement ps = c.prepareStatement(CREATE_TEAM_ROLE)) {
                ps.execute();
            }
            return server;
        } catch (IOException | SQLException | RuntimeException | BindFailure e) {
            String tail = folder == null ? "" : outputTail(folder.resolve(OUTPUT_FILE));
            stop(process);
            deleteFolder(folder);
            if (e instanceof BindFailure bindFailure) {
                throw bindFailure;
            }
            throw new IllegalStateException("The PostgreSQL test server did not start: " + e.getMessage() + tail, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            deleteFolder(folder);
            throw new IllegalStateException("Interrupted while starting the PostgreSQL test server", e);
        }
    }

    private static List<String> asServerUser(boolean root, String... command) throws IOException {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_USER, "--regid=" + unprivilegedGroup(),
                    "--clear-groups"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static ProcessBuilder serverProcess(List<String> command, Path folder, Path output, boolean append) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(output.toFile())
                        : ProcessBuilder.Redirect.to(output.toFile()));
        builder.environment().put("HOME", folder.toString());
        builder.environment().put("LC_ALL", "C");
        builder.environment().remove("PGDATA");
        builder.environment().remove("PGPORT");
        return builder;
    }

    private static void awaitReady(PostgresTestServer server, Path output) throws BindFailure {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.process.isAlive()) {
                String tail = outputTail(output);
                if (tail.contains("could not bind") || tail.contains("Address already in use")) {
                    throw new BindFailure("The PostgreSQL test server could not bind its port" + tail);
                }
                throw new IllegalStateException("the server exited with code " + server.process.exitValue());
            }
            try (Connection c = server.connect("postgres")) {
                if (c.isValid(2)) {
                    return;
                }
            } catch (SQLException notYetReady) {
                // Not listening yet, or "the database system is starting up": poll again.
            }
            sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("no connection within " + START_TIMEOUT.toSeconds() + " s");
    }

    private static void stop(Process process) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        if (process.isAlive()) {
            try {
                run("kill", "-INT", Long.toString(process.pid()));
            } catch (IOException alreadyGone) {
                // it exited between the check and the signal
            }
        }
        try {
            process.onExit().get(STOP_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (Exception notStoppedInTime) {
            process.destroyForcibly();
        }
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
                handle.onExit().join();
            }
        }
    }

    private static void deleteFolder(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the PostgreSQL test folder " + folder, e);
        }
    }

    /** The last lines of the output of initdb and the server, for an error message. */
    private static String outputTail(Path output) {
        try {
            List<String> lines = Files.exists(output) ? Files.readAllLines(output, StandardCharsets.UTF_8) : List.of();
            List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            return tail.isEmpty() ? " (no server output)" : "; last server output:\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return " (server output unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the PostgreSQL test server", e);
        }
    }

    /** The server could not bind a port that was free when picked; the start is worth one retry. */
    private static final class BindFailure extends Exception {
        BindFailure(String message) {
            super(message);
        }
    }
}

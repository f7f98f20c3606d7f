package io.firedrill.estate.pg;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw-away PostgreSQL cluster on 127.0.0.1: its own data directory, a free port, a socket
 * directory, one database and one password-authenticated user. For tests and the reference estate.
 *
 * <p>When we run as root, every server-side tool runs as the {@code postgres} OS user (initdb and
 * postgres refuse root) and the directory is handed to that user. {@link #close()} stops the
 * server and deletes the directory; a JVM shutdown hook does the same if nobody called it.
 */
public final class PostgresCluster implements AutoCloseable {

    /** The database and the owner created at start. */
    public static final String DATABASE = "firedrill";
    public static final String USER = "firedrill";

    /** Server settings that trade durability for speed: for tests only, a crash loses the cluster. */
    public static final Map<String, String> FAST_UNSAFE =
            Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off");

    private static final Logger LOG = LoggerFactory.getLogger(PostgresCluster.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final int BIND_ATTEMPTS = 3;
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Path binDir;
    private final Path dir;
    private final Path socketDir;
    private final String password;
    private final Thread shutdownHook = new Thread(this::close, "postgres-cluster-shutdown");
    private Process server;
    private int port;
    private boolean closed;

    private PostgresCluster(Path binDir, Path dir, Path socketDir, String password) {
        this.binDir = binDir;
        this.dir = dir;
        this.socketDir = socketDir;
        this.password = password;
    }

    /** True when the server binaries are installed: see {@link #findBinDir}. */
    public static boolean available() {
        return Binaries.find().isPresent();
    }

    /** Why {@link #available()} is false: what was looked at, and how to install the binaries. */
    public static String unavailableReason() {
        return Binaries.notFoundMessage();
    }

    /**
     * Where the server binaries are: the directory named by {@code FIREDRILL_PG_BINDIR} when set, else
     * {@code pg_config --bindir}, else the newest {@code /usr/lib/postgresql/*}{@code /bin}.
     */
    public static Optional<Path> findBinDir() {
        return Binaries.find();
    }

    /** Starts a durable cluster in {@code baseDir}, which must be absent or empty. */
    public static PostgresCluster start(Path baseDir) {
        return start(baseDir, Map.of());
    }

    /**
     * Starts a cluster in {@code baseDir} (absent or empty) with extra server settings
     * ({@code -c name=value}), e.g. {@link #FAST_UNSAFE} for tests.
     */
    public static PostgresCluster start(Path baseDir, Map<String, String> settings) {
        Path binDir = Binaries.find().orElseThrow(() -> new PostgresException(Binaries.notFoundMessage()));
        long started = System.nanoTime();
        Path dir = Directories.prepare(baseDir.toAbsolutePath());
        PostgresCluster cluster = new PostgresCluster(binDir, dir, Directories.socketDirFor(dir), randomPassword());
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            cluster.initdb("off".equals(settings.get("fsync")));
            cluster.launch(settings);
            cluster.sql("CREATE ROLE " + USER + " LOGIN PASSWORD '" + cluster.password + "'");
            cluster.createDatabase(DATABASE);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        LOG.info("PostgreSQL started on 127.0.0.1:{} in {} ms, data dir {}, binaries {}", cluster.port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), cluster.dataDir(), binDir);
        return cluster;
    }

    /**
     * Runs a PostgreSQL tool as the postgres OS user (directly when we are not root) and returns its
     * output; a non-zero exit throws with the tail of that output. For tools such as pg_basebackup.
     */
    public static String runAsPostgres(List<String> command) {
        return Commands.run(Commands.asPostgres(command), null, COMMAND_TIMEOUT);
    }

    /** Creates a database owned by {@link #user()}; returns its JDBC URL. */
    public String createDatabase(String name) {
        requireIdentifier(name);
        sql("CREATE DATABASE " + name + " OWNER " + USER);
        return jdbcUrl(name);
    }

    /** Runs SQL as the superuser over the Unix socket, in database {@code postgres}; returns psql's output. */
    public String sql(String statement) {
        return Commands.run(Commands.asPostgres(List.of(bin("psql").toString(), "-X", "-q", "-A", "-t",
                "-v", "ON_ERROR_STOP=1", "-h", socketDir.toString(), "-p", Integer.toString(port),
                "-U", "postgres", "-d", "postgres", "-c", statement)), dir, COMMAND_TIMEOUT);
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path binDir() {
        return binDir;
    }

    /** The cluster's data directory ({@code PGDATA}). */
    public Path dataDir() {
        return dir.resolve("data");
    }

    /** Where the server's Unix socket lives; the superuser connects there without a password. */
    public Path socketDir() {
        return socketDir;
    }

    public Path bin(String tool) {
        return binDir.resolve(tool);
    }

    /** Stops the server ({@code pg_ctl stop -m fast}) and deletes the directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // we are the hook
        }
        stopServer();
        Directories.deleteRecursively(dir);
        Directories.deleteRecursively(socketDir);
        LOG.info("PostgreSQL on port {} stopped, {} deleted", port, dir);
    }

    private void initdb(boolean noSync) {
        List<String> command = new ArrayList<>(List.of(bin("initdb").toString(), "-D", dataDir().toString(),
                "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                "--locale=C"));
        if (noSync) {
            command.add("--no-sync"); // the cluster will not survive a crash anyway
        }
        Commands.run(Commands.asPostgres(command), dir, COMMAND_TIMEOUT);
    }

    /** Starts the server on a free port; retries when another process took that port meanwhile. */
    private void launch(Map<String, String> settings) {
        for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
            port = freePort();
            server = startServer(settings);
            if (awaitReady()) {
                return;
            }
            LOG.debug("port {} was taken before postgres could bind it; retrying", port);
        }
        throw new PostgresException("postgres could not bind a free port in " + BIND_ATTEMPTS + " attempts; see "
                + logFile());
    }

    private Process startServer(Map<String, String> settings) {
        List<String> command = new ArrayList<>(List.of(bin("postgres").toString(), "-D", dataDir().toString(),
                "-p", Integer.toString(port), "-k", socketDir.toString(), "-c", "listen_addresses=127.0.0.1"));
        settings.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
        try {
            return new ProcessBuilder(Commands.asPostgres(command))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new PostgresException("cannot start " + Commands.describe(command) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Polls pg_isready until the server accepts connections. Waiting on the server process between
     * polls returns at once if it dies. False when it died because the port was taken.
     */
    private boolean awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        List<String> isReady = List.of(bin("pg_isready").toString(), "-q", "-h", "127.0.0.1",
                "-p", Integer.toString(port), "-t", "1");
        while (true) {
            if (!server.isAlive()) {
                String log = logTail();
                if (log.contains("could not bind") || log.contains("Address already in use")) {
                    return false;
                }
                throw new PostgresException("postgres exited with " + server.exitValue() + " during start-up: " + log);
            }
            if (Commands.exec(isReady, Duration.ofSeconds(10)).ok()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                throw new PostgresException("postgres did not accept connections on port " + port + " within "
                        + START_TIMEOUT + ": " + logTail());
            }
            waitForExit(server, POLL_INTERVAL);
        }
    }

    private void stopServer() {
        if (server == null || !server.isAlive()) {
            return;
        }
        Commands.Result result = Commands.exec(Commands.asPostgres(List.of(bin("pg_ctl").toString(), "stop",
                "-D", dataDir().toString(), "-m", "fast", "-w", "-t", "60")), dir, Duration.ofSeconds(90));
        if (!result.ok()) {
            LOG.warn("pg_ctl stop on port {} failed (exit {}): {}", port, result.exitCode(),
                    Commands.lastLines(result.output(), 5));
        }
        if (!waitForExit(server, Duration.ofSeconds(30))) {
            server.destroy(); // runuser passes SIGTERM on to postgres (smart shutdown)
            if (!waitForExit(server, Duration.ofSeconds(10))) {
                server.destroyForcibly();
            }
        }
    }

    private Path logFile() {
        return dir.resolve("postgres.log");
    }

    private String logTail() {
        try {
            return Commands.lastLines(Files.readString(logFile()), 8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PostgresException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private static void requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("database name '" + name
                    + "' is not a plain identifier: use lower-case letters, digits and '_', at most 63");
        }
    }

    private static boolean waitForExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresException("interrupted while waiting for postgres", e);
        }
    }
}

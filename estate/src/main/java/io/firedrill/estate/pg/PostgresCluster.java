package io.firedrill.estate.pg;

import java.nio.file.Path;
import java.security.SecureRandom;
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
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final PostgresServer server;
    private final String password;
    private final Thread shutdownHook = new Thread(this::close, "postgres-cluster-shutdown");
    private boolean closed;

    private PostgresCluster(PostgresServer server, String password) {
        this.server = server;
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
        PostgresServer server = new PostgresServer(binDir, dir, Directories.socketDirFor(dir), settings);
        PostgresCluster cluster = new PostgresCluster(server, randomPassword());
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            // with fsync off the cluster will not survive a crash anyway
            server.initdb("off".equals(settings.get("fsync")) ? List.of("--no-sync") : List.of());
            server.start(0);
            cluster.sql("CREATE ROLE " + USER + " LOGIN PASSWORD '" + cluster.password + "'");
            cluster.createDatabase(DATABASE);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        LOG.info("PostgreSQL started on 127.0.0.1:{} in {} ms, data dir {}, binaries {}", server.port(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), cluster.dataDir(), binDir);
        return cluster;
    }

    /**
     * Runs a PostgreSQL tool as the postgres OS user (directly when we are not root) and returns its
     * output; a non-zero exit throws with the tail of that output. For tools such as pg_basebackup.
     */
    public static String runAsPostgres(List<String> command) {
        return Commands.run(Commands.asPostgres(command), null, PostgresServer.COMMAND_TIMEOUT);
    }

    /** Creates a database owned by {@link #user()}; returns its JDBC URL. */
    public String createDatabase(String name) {
        requireIdentifier(name);
        sql("CREATE DATABASE " + name + " OWNER " + USER);
        return jdbcUrl(name);
    }

    /** Runs SQL as the superuser over the Unix socket, in database {@code postgres}; returns psql's output. */
    public String sql(String statement) {
        return server.psql("postgres", statement);
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return server.port();
    }

    public Path binDir() {
        return server.binDir();
    }

    /** The cluster's data directory ({@code PGDATA}). */
    public Path dataDir() {
        return server.dataDir();
    }

    /** Where the server's Unix socket lives; the superuser connects there without a password. */
    public Path socketDir() {
        return server.socketDir();
    }

    public Path bin(String tool) {
        return server.bin(tool);
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
        server.stop();
        Directories.deleteRecursively(server.dir());
        Directories.deleteRecursively(server.socketDir());
        LOG.info("PostgreSQL on port {} stopped, {} deleted", server.port(), server.dir());
    }

    /** A password of 24 letters and digits, without look-alikes; safe inside SQL and libpq quotes. */
    static String randomPassword() {
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
}

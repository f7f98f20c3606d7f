package io.firedrill.estate.pg;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One postgres server process over the data directory {@code <dir>/data}: initdb, start on 127.0.0.1,
 * wait until it accepts connections, stop. Shared by {@link PostgresCluster} (one throw-away cluster)
 * and {@link PgNode} (a region's primary or standby, which is stopped and started again on the same port
 * when it is resynced).
 *
 * <p>The server logs to {@code <dir>/postgres.log}; its Unix socket lives in {@code socketDir}, where the
 * superuser connects without a password ({@link #psql}).
 */
final class PostgresServer {

    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final int BIND_ATTEMPTS = 3;

    private final Path binDir;
    private final Path dir;
    private final Path socketDir;
    private final Map<String, String> settings;
    private Process process;
    private int port;

    /**
     * @param dir       the cluster directory, owned by the postgres OS user when we are root; the data
     *                  directory and the log live there
     * @param settings  server settings passed as {@code -c name=value} at every start
     */
    PostgresServer(Path binDir, Path dir, Path socketDir, Map<String, String> settings) {
        this.binDir = binDir;
        this.dir = dir;
        this.socketDir = socketDir;
        this.settings = Map.copyOf(settings);
    }

    Path binDir() {
        return binDir;
    }

    Path bin(String tool) {
        return binDir.resolve(tool);
    }

    Path dir() {
        return dir;
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    Path socketDir() {
        return socketDir;
    }

    /** The port the server listens on (or last listened on); 0 before the first start. */
    synchronized int port() {
        return port;
    }

    /**
     * Creates the data directory: UTF-8, locale C, the superuser {@code postgres} trusted over the socket,
     * passwords (SCRAM) over TCP. {@code options} are added to initdb's command line.
     */
    void initdb(List<String> options) {
        List<String> command = new ArrayList<>(List.of(bin("initdb").toString(), "-D", dataDir().toString(),
                "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                "--locale=C"));
        command.addAll(options);
        run(command);
    }

    /** Runs a tool as the postgres OS user in the cluster directory; a non-zero exit throws with its output. */
    String run(List<String> command) {
        return Commands.run(Commands.asPostgres(command), dir, COMMAND_TIMEOUT);
    }

    /** Like {@link #run} but hands back a failed result instead of throwing. */
    Commands.Result exec(List<String> command) {
        return Commands.exec(Commands.asPostgres(command), dir, COMMAND_TIMEOUT);
    }

    /**
     * Starts the server and returns once it accepts connections. With {@code requestedPort} 0 a free port
     * is chosen (and another one when a different process takes it first); otherwise exactly that port.
     */
    synchronized void start(int requestedPort) {
        if (running()) {
            throw new IllegalStateException("postgres in " + dir + " is already running on port " + port);
        }
        int attempts = requestedPort == 0 ? BIND_ATTEMPTS : 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            port = requestedPort == 0 ? freePort() : requestedPort;
            process = launch();
            if (awaitReady()) {
                return;
            }
            LOG.debug("port {} was taken before postgres could bind it", port);
        }
        throw new PostgresException(requestedPort == 0
                ? "postgres could not bind a free port in " + BIND_ATTEMPTS + " attempts; see " + logFile()
                : "postgres could not bind port " + requestedPort + " (in use?): " + logTail(8));
    }

    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Stops the server with {@code pg_ctl stop -m fast}: a clean shutdown, as pg_rewind requires. Idempotent. */
    synchronized void stop() {
        if (!running()) {
            return;
        }
        Commands.Result result = Commands.exec(Commands.asPostgres(List.of(bin("pg_ctl").toString(), "stop",
                "-D", dataDir().toString(), "-m", "fast", "-w", "-t", "60")), dir, Duration.ofSeconds(90));
        if (!result.ok()) {
            LOG.warn("pg_ctl stop on port {} failed (exit {}): {}", port, result.exitCode(),
                    Commands.lastLines(result.output(), 5));
        }
        if (!waitForExit(process, Duration.ofSeconds(30))) {
            process.destroy(); // runuser passes SIGTERM on to postgres (smart shutdown)
            if (!waitForExit(process, Duration.ofSeconds(10))) {
                process.destroyForcibly();
            }
        }
    }

    /** Runs SQL as the superuser over the Unix socket; returns psql's unaligned, tuples-only output. */
    String psql(String database, String statement) {
        return run(List.of(bin("psql").toString(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", socketDir.toString(), "-p", Integer.toString(port()), "-U", "postgres", "-d", database,
                "-c", statement));
    }

    Path logFile() {
        return dir.resolve("postgres.log");
    }

    String logTail(int lines) {
        try {
            return Commands.lastLines(Files.readString(logFile()), lines);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private Process launch() {
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
     * Polls pg_isready until the server accepts connections (a standby does once it is consistent).
     * Waiting on the server process between polls returns at once if it dies. False when it died because
     * the port was taken.
     */
    private boolean awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        List<String> isReady = List.of(bin("pg_isready").toString(), "-q", "-h", "127.0.0.1",
                "-p", Integer.toString(port), "-t", "1");
        while (true) {
            if (!process.isAlive()) {
                String log = logTail(8);
                if (log.contains("could not bind") || log.contains("Address already in use")) {
                    return false;
                }
                throw new PostgresException("postgres in " + dir + " exited with " + process.exitValue()
                        + " during start-up: " + log);
            }
            if (Commands.exec(isReady, Duration.ofSeconds(10)).ok()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                throw new PostgresException("postgres did not accept connections on port " + port + " within "
                        + START_TIMEOUT + ": " + logTail(8));
            }
            waitForExit(process, POLL_INTERVAL);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PostgresException("no free port on 127.0.0.1: " + e.getMessage(), e);
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

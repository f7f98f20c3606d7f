package io.firedrill.estate.pg;

import io.firedrill.estate.region.Peer.HostPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One region's PostgreSQL cluster and what is done to it as a whole, with the server tools: created as a
 * primary (initdb) or as a streaming standby (pg_basebackup), promoted, and turned back into a standby of
 * the other region (pg_rewind, or a fresh base backup). {@link PgStore} decides when; this class knows how.
 *
 * <p>Settings every node shares are passed on the server's command line, so they survive pg_rewind and
 * pg_basebackup, which copy the source's configuration files. The one setting that differs between the
 * nodes, {@code primary_conninfo}, is written to {@code postgresql.auto.conf} after every copy.
 */
final class PgNode {

    /** The application database and its owner, the role the regional app logs in as. */
    static final String DATABASE = "firedrill";
    static final String APP_USER = "firedrill";
    /**
     * The observer role whose name and password the estate file gives to SQL probes (in the JDBC URL): this estate
     * is a throw-away on loopback, and the role can read nothing of it.
     */
    static final String PROBE_USER = "probe";
    /** Role for base backups and WAL streaming. */
    static final String REPLICATION_USER = "replicator";
    /** Non-superuser role that may run pg_rewind against a source and CHECKPOINT it. */
    static final String REWIND_USER = "rewinder";

    /** The app's one table; ids sort bytewise (COLLATE "C") whatever the cluster's locale. */
    static final String RECORDS_DDL = """
            CREATE TABLE records (
                id text COLLATE "C" PRIMARY KEY,
                value text NOT NULL,
                epoch bigint NOT NULL,
                written_at timestamptz NOT NULL DEFAULT now())""";

    private static final Logger LOG = LoggerFactory.getLogger(PgNode.class);

    private final String region;
    private final PostgresServer server;
    private final Credentials credentials;
    private final boolean noSync;
    private volatile int port;

    private PgNode(String region, PostgresServer server, Credentials credentials, boolean noSync) {
        this.region = region;
        this.server = server;
        this.credentials = credentials;
        this.noSync = noSync;
    }

    /** A node whose directory {@code dir} (absent or empty) is prepared but which holds no data yet. */
    static PgNode create(String region, Path dir, Path binDir, Credentials credentials, Map<String, String> settings) {
        Path prepared = Directories.prepare(dir);
        PostgresServer server = new PostgresServer(binDir, prepared, Directories.socketDirFor(prepared),
                serverSettings(region, settings));
        return new PgNode(region, server, credentials, "off".equals(settings.get("fsync")));
    }

    /**
     * What every node runs with, then {@code extra}. Replication needs wal_level=replica and WAL senders;
     * wal_keep_size lets a standby cut off for a while catch up without a slot; the short retry interval
     * and timeouts make a standby reconnect soon after its link comes back, and notice a dead link soon.
     */
    static Map<String, String> serverSettings(String region, Map<String, String> extra) {
        requireRewindable(extra);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster_name", region);
        settings.put("wal_level", "replica");
        settings.put("max_wal_senders", "10");
        settings.put("hot_standby", "on");
        settings.put("wal_keep_size", "256MB");
        settings.put("wal_retrieve_retry_interval", "500ms");
        settings.put("wal_receiver_status_interval", "1s");
        settings.put("wal_receiver_timeout", "10s");
        settings.put("wal_sender_timeout", "10s");
        settings.putAll(extra);
        return settings;
    }

    /** Refuses settings under which pg_rewind cannot resync a failed-over region. */
    static void requireRewindable(Map<String, String> settings) {
        if ("off".equals(settings.get("full_page_writes"))) {
            throw new IllegalArgumentException("full_page_writes=off is not allowed: pg_rewind refuses a source "
                    + "without full-page writes, so a failed-over region could not be resynced");
        }
    }

    String region() {
        return region;
    }

    /** The port the server listens on; fixed at the first start, reused by every restart. */
    int port() {
        return port;
    }

    Path dir() {
        return server.dir();
    }

    Path logFile() {
        return server.logFile();
    }

    String logTail(int lines) {
        return server.logTail(lines);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /**
     * initdb with data checksums (pg_rewind needs them or wal_log_hints), start on {@code requestedPort}
     * (0: a free one), then create the roles, the application database and its table.
     */
    void initPrimary(int requestedPort) {
        List<String> options = new ArrayList<>(List.of("--data-checksums"));
        if (noSync) {
            options.add("--no-sync");
        }
        server.initdb(options);
        start(requestedPort);
        createRoles();
        server.psql("postgres", "CREATE DATABASE " + DATABASE + " OWNER " + APP_USER);
        server.psql(DATABASE, "SET ROLE " + APP_USER + "; " + RECORDS_DDL);
    }

    /** Copies the primary at {@code backupSource} and starts as its standby, streaming through {@code upstream}. */
    void initStandby(int requestedPort, HostPort backupSource, HostPort upstream) {
        baseBackup(backupSource);
        configureStandby(upstream);
        start(requestedPort);
    }

    /** Starts the server on its port; returns once it accepts connections (a standby: once consistent). */
    void start() {
        start(port);
    }

    void stop() {
        server.stop();
    }

    boolean running() {
        return server.running();
    }

    /** Runs SQL as the superuser over the Unix socket; returns psql's unaligned, tuples-only output. */
    String psql(String database, String statement) {
        return server.psql(database, statement);
    }

    boolean inRecovery() {
        return "t".equals(server.psql("postgres", "SELECT pg_is_in_recovery()"));
    }

    /** Whether the WAL receiver is connected and streaming. */
    boolean streaming() {
        return "streaming".equals(server.psql("postgres", "SELECT status FROM pg_stat_wal_receiver"));
    }

    /**
     * Promotes this standby and waits (up to a minute) until it accepts writes. Then checkpoints, so the
     * control file shows the new timeline: pg_rewind reads it there, and would otherwise see no divergence.
     */
    void promote() {
        String promoted = server.psql("postgres", "SELECT pg_promote(true, 60)");
        if (!"t".equals(promoted) || inRecovery()) {
            throw new PostgresException("pg_promote in region " + region + " did not finish within 60 s: "
                    + server.logTail(8));
        }
        server.psql("postgres", "CHECKPOINT");
    }

    /**
     * Rewinds the stopped node to the state of the server at {@code source}: pg_rewind undoes local changes
     * since the two timelines forked and copies what the source changed. Throws when pg_rewind fails.
     */
    String rewindFrom(HostPort source) {
        List<String> command = new ArrayList<>(List.of(server.bin("pg_rewind").toString(),
                "--target-pgdata=" + server.dataDir(),
                "--source-server=" + Conninfo.rewind(source, credentials.passfile())));
        if (noSync) {
            command.add("--no-sync");
        }
        return server.run(command);
    }

    /** Replaces the stopped node's data directory with a fresh base backup of {@code source}. */
    void rebuildFrom(HostPort source) {
        Directories.deleteRecursively(server.dataDir());
        baseBackup(source);
    }

    /**
     * Makes the (stopped) node start as a standby streaming from {@code upstream}: standby.signal, and
     * {@code primary_conninfo} in postgresql.auto.conf, replacing whatever the copy brought from the source.
     */
    void configureStandby(HostPort upstream) {
        Path autoConf = server.dataDir().resolve("postgresql.auto.conf");
        Path signal = server.dataDir().resolve("standby.signal");
        try {
            List<String> lines = new ArrayList<>();
            if (Files.exists(autoConf)) {
                Files.readAllLines(autoConf).stream()
                        .filter(line -> !line.strip().startsWith("primary_conninfo")
                                && !line.strip().startsWith("primary_slot_name"))
                        .forEach(lines::add);
            }
            String conninfo = Conninfo.replication(upstream, credentials.passfile(), region);
            lines.add("primary_conninfo = '" + conninfo.replace("'", "''") + "'");
            Files.write(autoConf, lines);
            if (!Files.exists(signal)) {
                Files.createFile(signal);
            }
            if (Commands.isRoot()) {
                Commands.chownToPostgres(autoConf);
                Commands.chownToPostgres(signal);
            }
        } catch (IOException e) {
            throw new PostgresException("cannot write the standby configuration of " + region + " in "
                    + server.dataDir() + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server and deletes its directories. */
    void destroy() {
        try {
            server.stop();
        } finally {
            Directories.deleteRecursively(server.dir());
            Directories.deleteRecursively(server.socketDir());
        }
    }

    private void start(int requestedPort) {
        server.start(requestedPort);
        port = server.port();
    }

    private void baseBackup(HostPort source) {
        List<String> command = new ArrayList<>(List.of(server.bin("pg_basebackup").toString(),
                "--pgdata=" + server.dataDir(),
                "--dbname=" + Conninfo.replication(source, credentials.passfile(), region + "-basebackup"),
                "--wal-method=stream", "--checkpoint=fast", "--no-password"));
        if (noSync) {
            command.add("--no-sync");
        }
        server.run(command);
        LOG.info("region {}: base backup taken from {}", region, source);
    }

    /**
     * The replication role, the rewind role with the grants pg_rewind documents plus pg_checkpoint, the app's role and
     * the probes' role.
     */
    private void createRoles() {
        server.psql("postgres", String.join("; ",
                "CREATE ROLE " + REPLICATION_USER + " LOGIN REPLICATION PASSWORD '"
                        + credentials.replicationPassword() + "'",
                "CREATE ROLE " + REWIND_USER + " LOGIN PASSWORD '" + credentials.rewindPassword() + "'",
                "GRANT EXECUTE ON FUNCTION pg_catalog.pg_ls_dir(text, boolean, boolean) TO " + REWIND_USER,
                "GRANT EXECUTE ON FUNCTION pg_catalog.pg_stat_file(text, boolean) TO " + REWIND_USER,
                "GRANT EXECUTE ON FUNCTION pg_catalog.pg_read_binary_file(text) TO " + REWIND_USER,
                "GRANT EXECUTE ON FUNCTION pg_catalog.pg_read_binary_file(text, bigint, bigint, boolean) TO "
                        + REWIND_USER,
                "GRANT pg_checkpoint TO " + REWIND_USER,
                "CREATE ROLE " + APP_USER + " LOGIN PASSWORD '" + credentials.appPassword() + "'",
                // SQL probes log in as this role: it owns nothing and may only connect and run SELECT 1
                "CREATE ROLE " + PROBE_USER + " LOGIN PASSWORD '" + PROBE_USER + "'",
                // replication columns of pg_stat_replication and pg_stat_wal_receiver are hidden from others
                "GRANT pg_monitor TO " + APP_USER));
    }
}

package io.firedrill.estate.pg;

import io.firedrill.estate.region.Peer;
import io.firedrill.estate.region.Peer.HostPort;
import io.firedrill.estate.region.RecordStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL variant of the estate's two regional databases: a primary cluster in one region and a
 * streaming standby of it in the other, each behind a {@link PgStore}. The standby streams WAL through
 * the replication link proxy named by its {@link Peer#fromPeer()}, so cutting that link cuts replication;
 * only the first base backup goes straight to the primary ({@link Peer#peerDb()}), because the link proxies
 * may not exist yet. Start-up therefore does not wait for streaming: it begins when the link is served.
 *
 * <p>Everything lives under one base directory, deleted by {@link #close()}; a JVM shutdown hook stops the
 * servers and deletes it when nobody called close.
 */
public final class PgStores implements AutoCloseable {

    /**
     * Settings that trade durability for speed, for tests: fsync off (a crash of the machine loses the
     * clusters). Commits stay synchronous, so the primary's WAL position includes a write once it is
     * acknowledged; full-page writes stay on, because pg_rewind needs them
     * ({@link PostgresCluster#FAST_UNSAFE} is refused).
     */
    public static final Map<String, String> FAST_UNSAFE = Map.of("fsync", "off");

    private static final Logger LOG = LoggerFactory.getLogger(PgStores.class);

    private final Path baseDir;
    private final Credentials credentials;
    private final Map<String, PgNode> nodes = new LinkedHashMap<>();
    private final Map<String, PgStore> stores = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::close, "pg-stores-shutdown");
    private boolean closed;

    private PgStores(Path baseDir, Credentials credentials) {
        this.baseDir = baseDir;
        this.credentials = credentials;
    }

    /**
     * Creates the primary cluster of {@code primaryRegion} and a streaming standby of it in
     * {@code replicaRegion}, with PostgreSQL's default durability.
     *
     * @param baseDir       absent or empty directory for both clusters; null for a new temporary one
     * @param primaryDbPort port of the primary on 127.0.0.1; 0 for a free one
     * @param primarysPeer  the replica region as the primary region sees it
     * @param replicaDbPort port of the standby on 127.0.0.1; 0 for a free one
     * @param replicasPeer  the primary region as the replica region sees it: the standby streams through its
     *                      {@code fromPeer} and takes its first base backup from {@code peerDb} (port 0 there
     *                      means the primary's actual port)
     */
    public static PgStores start(Path baseDir, String primaryRegion, int primaryDbPort, Peer primarysPeer,
                                 String replicaRegion, int replicaDbPort, Peer replicasPeer) {
        return start(baseDir, primaryRegion, primaryDbPort, primarysPeer, replicaRegion, replicaDbPort,
                replicasPeer, Map.of());
    }

    /** Like {@link #start(Path, String, int, Peer, String, int, Peer)}, with extra server settings such as {@link #FAST_UNSAFE}. */
    public static PgStores start(Path baseDir, String primaryRegion, int primaryDbPort, Peer primarysPeer,
                                 String replicaRegion, int replicaDbPort, Peer replicasPeer,
                                 Map<String, String> settings) {
        validate(primaryRegion, primaryDbPort, primarysPeer, replicaRegion, replicasPeer);
        PgNode.requireRewindable(settings);
        Path binDir = Binaries.find().orElseThrow(() -> new PostgresException(Binaries.notFoundMessage()));
        long started = System.nanoTime();
        Path dir = Directories.prepare(baseDirOrTemp(baseDir).toAbsolutePath());
        PgStores pair = new PgStores(dir, Credentials.create(dir.resolve("pgpass")));
        Runtime.getRuntime().addShutdownHook(pair.shutdownHook);
        try {
            PgNode primary = pair.addNode(primaryRegion, binDir, settings);
            primary.initPrimary(primaryDbPort);
            PgNode replica = pair.addNode(replicaRegion, binDir, settings);
            HostPort backupSource = new HostPort(replicasPeer.peerDb().host(), primary.port());
            replica.initStandby(replicaDbPort, backupSource, replicasPeer.fromPeer());
            pair.stores.put(primaryRegion, new PgStore(primaryRegion, primary, pair.credentials));
            pair.stores.put(replicaRegion, new PgStore(replicaRegion, replica, pair.credentials));
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        }
        LOG.info("PostgreSQL pair started in {} ms under {}: primary {} on port {}, standby {} on port {} "
                        + "streaming through {}", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dir,
                primaryRegion, pair.port(primaryRegion), replicaRegion, pair.port(replicaRegion),
                replicasPeer.fromPeer());
        return pair;
    }

    /** The store of {@code region}. */
    public RecordStore store(String region) {
        return known(stores, region);
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<db>} of {@code region}'s cluster, for SQL probes as {@link #user()}. */
    public String jdbcUrl(String region) {
        return known(nodes, region).jdbcUrl();
    }

    /** The port {@code region}'s cluster listens on, on 127.0.0.1 (the link proxies' upstreams). */
    public int port(String region) {
        return known(nodes, region).port();
    }

    /** The server log of {@code region}'s cluster. */
    public Path logFile(String region) {
        return known(nodes, region).logFile();
    }

    /** Runs SQL as the superuser of {@code region}'s cluster, over its Unix socket: for tests and diagnosis. */
    String superuserSql(String region, String database, String statement) {
        return known(nodes, region).psql(database, statement);
    }

    /** The role the app logs in as; it owns the application database. */
    public String user() {
        return PgNode.APP_USER;
    }

    public String password() {
        return credentials.appPassword();
    }

    public Path baseDir() {
        return baseDir;
    }

    /** Closes the stores' pools, stops both servers and deletes the base directory. Idempotent. */
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
        stores.values().forEach(PgStore::close);
        for (PgNode node : nodes.values()) {
            try {
                node.destroy();
            } catch (RuntimeException e) {
                LOG.warn("stopping the cluster of {} failed: {}", node.region(), e.getMessage());
            }
        }
        Directories.deleteRecursively(baseDir);
        LOG.info("PostgreSQL pair stopped, {} deleted", baseDir);
    }

    private PgNode addNode(String region, Path binDir, Map<String, String> settings) {
        PgNode node = PgNode.create(region, baseDir.resolve(region), binDir, credentials, settings);
        nodes.put(region, node);
        return node;
    }

    private static void validate(String primaryRegion, int primaryDbPort, Peer primarysPeer, String replicaRegion,
                                 Peer replicasPeer) {
        if (primaryRegion.equals(replicaRegion)) {
            throw new IllegalArgumentException("the two regions need different names, both are " + primaryRegion);
        }
        if (!primarysPeer.region().equals(replicaRegion) || !replicasPeer.region().equals(primaryRegion)) {
            throw new IllegalArgumentException("each region's Peer describes the other region: " + primaryRegion
                    + "'s peer is " + primarysPeer.region() + ", " + replicaRegion + "'s is " + replicasPeer.region());
        }
        for (String name : new String[] {primaryRegion, replicaRegion}) {
            if (!name.matches("[A-Za-z0-9_.-]{1,40}")) {
                throw new IllegalArgumentException("region name '" + name
                        + "' must be 1-40 letters, digits, '.', '_' or '-': it names a directory and a cluster");
            }
        }
        int backupPort = replicasPeer.peerDb().port();
        if (primaryDbPort != 0 && backupPort != 0 && backupPort != primaryDbPort) {
            throw new IllegalArgumentException(replicaRegion + "'s peerDb " + replicasPeer.peerDb()
                    + " is not the primary's port " + primaryDbPort);
        }
    }

    private static Path baseDirOrTemp(Path baseDir) {
        if (baseDir != null) {
            return baseDir;
        }
        try {
            return Files.createTempDirectory("firedrill-pg-pair-");
        } catch (IOException e) {
            throw new PostgresException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    private static <T> T known(Map<String, T> byRegion, String region) {
        T value = byRegion.get(region);
        if (value == null) {
            throw new IllegalArgumentException("unknown region '" + region + "'; this pair has " + byRegion.keySet());
        }
        return value;
    }
}

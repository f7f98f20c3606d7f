package io.firedrill.estate.pg;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.firedrill.estate.region.Peer;
import io.firedrill.estate.region.Peer.HostPort;
import io.firedrill.estate.region.RecordStore;
import io.firedrill.estate.region.ReplicationStatus;
import io.firedrill.estate.region.Role;
import io.firedrill.estate.region.StoredRecord;
import io.firedrill.estate.region.WriteResult;
import io.firedrill.estate.region.WriteResult.Outcome;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A region's records in its own PostgreSQL cluster, replicated to the other region by PostgreSQL's
 * asynchronous streaming replication rather than by the app: writes go to the primary, the standby replays
 * the WAL it receives through the replication link, and failover is a promotion followed, once the old
 * primary is back, by a rewind of the old primary into a standby of the new one.
 *
 * <p>The app reaches its own cluster directly, through a small connection pool with short timeouts so a
 * dead database shows up as {@link #healthy()} false within about two seconds. The pool is closed whenever
 * the server stops (resync) and opened again after it starts.
 *
 * <p>Created by {@link PgStores}, which owns the servers; {@link #close()} closes only the pool.
 */
public final class PgStore implements RecordStore {

    /** How a resync brought the region back: rewinding its data, or replacing it with a base backup. */
    enum ResyncPath { REWIND, BASE_BACKUP }

    private static final Logger LOG = LoggerFactory.getLogger(PgStore.class);
    private static final int POOL_SIZE = 8;
    private static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1500);
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration STREAMING_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private static final String INSERT = "INSERT INTO records (id, value, epoch) VALUES (?, ?, ?) "
            + "ON CONFLICT (id) DO NOTHING RETURNING written_at";
    private static final String SELECT_ONE = "SELECT id, value, epoch, written_at FROM records WHERE id = ?";
    private static final String WAL_INSERT_POSITION = "SELECT pg_current_wal_insert_lsn()::text, "
            + "current_setting('wal_block_size')::int, "
            + "(SELECT setting::bigint FROM pg_settings WHERE name = 'wal_segment_size')";
    private static final String SELECT_PAGE =
            "SELECT id, value, epoch, written_at FROM records WHERE id > ? ORDER BY id LIMIT ?";

    private final String region;
    private final PgNode node;
    private final Credentials credentials;
    private final ReplicationProbe probe = new ReplicationProbe();
    /** Serialises promote, resync, restart and close; reads and writes only look at {@link #pool}. */
    private final Object lifecycle = new Object();
    private volatile HikariDataSource pool;
    private volatile boolean closed;
    private volatile ResyncPath lastResync;

    PgStore(String region, PgNode node, Credentials credentials) {
        this.region = region;
        this.node = node;
        this.credentials = credentials;
        this.pool = openPool();
    }

    @Override
    public String engine() {
        return "postgres";
    }

    public String region() {
        return region;
    }

    /**
     * Inserts unless the id exists, in one autocommitted statement: when it returns, the row is committed.
     * The position of a created record is the end of the WAL inserted right after that commit (at least the
     * end of the commit record), so a standby whose replay position reached it holds the record.
     */
    @Override
    public WriteResult write(String id, String value, long epoch) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        try (Connection connection = connection()) {
            Optional<OffsetDateTime> created = insert(connection, id, value, epoch);
            if (created.isPresent()) {
                long position = walInsertPosition(connection);
                return new WriteResult(Outcome.CREATED,
                        new StoredRecord(id, value, epoch, position, created.get().toInstant()));
            }
            StoredRecord existing = select(connection, id).orElseThrow(() -> new PostgresException(
                    "record '" + id + "' in " + region + " was neither inserted nor found"));
            return new WriteResult(existing.value().equals(value) ? Outcome.SAME : Outcome.CONFLICT, existing);
        } catch (SQLException e) {
            throw failure("writing record '" + id + "'", e);
        }
    }

    /** The record, with position 0: the table does not keep the commit position. */
    @Override
    public Optional<StoredRecord> read(String id) {
        try (Connection connection = connection()) {
            return select(connection, id);
        } catch (SQLException e) {
            throw failure("reading record '" + id + "'", e);
        }
    }

    @Override
    public List<StoredRecord> page(String after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        try (Connection connection = connection();
                PreparedStatement statement = connection.prepareStatement(SELECT_PAGE)) {
            statement.setString(1, after == null ? "" : after);
            statement.setInt(2, limit);
            List<StoredRecord> records = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    records.add(record(rs));
                }
            }
            return records;
        } catch (SQLException e) {
            throw failure("reading records after '" + after + "'", e);
        }
    }

    /**
     * Read from the side the cluster actually is on (standby or primary), whatever {@code role} says; a
     * mismatch is mentioned in the detail. Never throws: an unreachable database gives a status saying so.
     */
    @Override
    public ReplicationStatus replication(Role role) {
        try (Connection connection = connection()) {
            return probe.read(connection, role);
        } catch (SQLException | RuntimeException e) {
            return probe.unavailable(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    @Override
    public boolean healthy() {
        HikariDataSource current = pool;
        if (current == null) {
            return false;
        }
        try (Connection connection = current.getConnection()) {
            return connection.isValid((int) VALIDATION_TIMEOUT.toSeconds());
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * {@code pg_promote} on a standby, waiting until it accepts writes; nothing on a primary. Connections
     * opened while it was a standby are replaced, so none of them keeps a read-only view.
     */
    @Override
    public void promote(long epoch) {
        synchronized (lifecycle) {
            requireOpen();
            if (!node.running()) {
                throw new PostgresException("cannot promote " + region + ": its database is not running");
            }
            if (!node.inRecovery()) {
                LOG.info("region {}: already primary, nothing to promote (epoch {})", region, epoch);
                return;
            }
            long started = System.nanoTime();
            node.promote();
            probe.reset();
            Optional.ofNullable(pool).ifPresent(p -> p.getHikariPoolMXBean().softEvictConnections());
            LOG.info("region {}: promoted to primary at epoch {} in {} ms", region, epoch,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    /**
     * Turns this region into a standby of {@code source}: checkpoint the source (so pg_rewind sees its new
     * timeline; this also fails fast, with this region untouched, when the source cannot be reached), stop
     * here, pg_rewind through the link {@code source.fromPeer()}, configure as standby streaming through the
     * same link, start, wait until streaming. If any of that fails, the data directory is replaced by a fresh
     * base backup through the link instead. Either way what this region held and the source did not is gone.
     */
    @Override
    public void resyncFrom(Peer source, long epoch) {
        synchronized (lifecycle) {
            requireOpen();
            HostPort upstream = source.fromPeer();
            LOG.info("region {}: resyncing from {} through {} at epoch {}", region, source.region(), upstream, epoch);
            long started = System.nanoTime();
            checkpointSource(source);
            closePool();
            try {
                lastResync = rejoin(upstream);
            } finally {
                if (node.running()) {
                    pool = openPool();
                }
            }
            probe.reset();
            LOG.info("region {}: standby of {} again by {} in {} ms", region, source.region(), lastResync,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    /** How the last resync went, or null before any. */
    ResyncPath lastResync() {
        return lastResync;
    }

    /** Stops this region's server (a clean shutdown); the store stays usable and reports it unhealthy. */
    void stopDatabase() {
        synchronized (lifecycle) {
            closePool();
            node.stop();
        }
    }

    /** Starts this region's server again on its port, with a new pool. */
    void startDatabase() {
        synchronized (lifecycle) {
            requireOpen();
            node.start();
            if (pool == null) {
                pool = openPool();
            }
        }
    }

    /** Closes the pool; the server belongs to {@link PgStores}. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
            closePool();
        }
    }

    private ResyncPath rejoin(HostPort upstream) {
        node.stop();
        PostgresException rewindFailure;
        try {
            String output = node.rewindFrom(upstream);
            LOG.info("region {}: pg_rewind from {}: {}", region, upstream, Commands.lastLines(output, 3));
            startAsStandby(upstream);
            return ResyncPath.REWIND;
        } catch (PostgresException e) {
            LOG.warn("region {}: rejoining by pg_rewind failed, taking a fresh base backup instead: {}",
                    region, e.getMessage());
            rewindFailure = e;
            node.stop();
        }
        try {
            node.rebuildFrom(upstream);
            startAsStandby(upstream);
            return ResyncPath.BASE_BACKUP;
        } catch (PostgresException e) {
            e.addSuppressed(rewindFailure);
            throw e;
        }
    }

    private void startAsStandby(HostPort upstream) {
        node.configureStandby(upstream);
        node.start();
        awaitStreaming(upstream);
    }

    private void awaitStreaming(HostPort upstream) {
        long deadline = System.nanoTime() + STREAMING_TIMEOUT.toNanos();
        while (!(node.inRecovery() && node.streaming())) {
            if (System.nanoTime() > deadline) {
                throw new PostgresException("region " + region + " did not stream from " + upstream + " within "
                        + STREAMING_TIMEOUT + ": " + node.logTail(8));
            }
            sleep(POLL_INTERVAL);
        }
    }

    /**
     * CHECKPOINT on the source, as the rewind role through the link: makes its control file show the
     * timeline it was promoted to, which is where pg_rewind looks. Refuses a source that is not a primary.
     */
    private void checkpointSource(Peer source) {
        HostPort address = source.fromPeer();
        String url = "jdbc:postgresql://" + address.host() + ":" + address.port() + "/postgres";
        Properties properties = new Properties();
        properties.setProperty("user", PgNode.REWIND_USER);
        properties.setProperty("password", credentials.rewindPassword());
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("loginTimeout", "5"); // a link that accepts but never answers
        properties.setProperty("socketTimeout", "120");
        try (Connection connection = DriverManager.getConnection(url, properties);
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT pg_is_in_recovery()")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    throw new PostgresException("cannot resync " + region + " from " + source.region()
                            + ": the source is a standby itself; promote it first");
                }
            }
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new PostgresException("cannot resync " + region + " from " + source.region()
                    + ": the source is unreachable through " + address + ": " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        HikariDataSource current = pool;
        if (current == null) {
            throw new PostgresException("the database of " + region + " is not available: "
                    + (closed ? "the store is closed" : "it is stopped or being resynced"));
        }
        return current.getConnection();
    }

    private static Optional<OffsetDateTime> insert(Connection connection, String id, String value, long epoch)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, id);
            statement.setString(2, value);
            statement.setLong(3, epoch);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class)) : Optional.empty();
            }
        }
    }

    private static long walInsertPosition(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(WAL_INSERT_POSITION)) {
            rs.next();
            return Lsn.endOfLastRecord(Lsn.parse(rs.getString(1)), rs.getInt(2), rs.getLong(3));
        }
    }

    private static Optional<StoredRecord> select(Connection connection, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_ONE)) {
            statement.setString(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        }
    }

    private static StoredRecord record(ResultSet rs) throws SQLException {
        return new StoredRecord(rs.getString("id"), rs.getString("value"), rs.getLong("epoch"), 0,
                rs.getObject("written_at", OffsetDateTime.class).toInstant());
    }

    private PostgresException failure(String what, SQLException e) {
        return new PostgresException(what + " in " + region + " failed: " + e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"), e);
    }

    private HikariDataSource openPool() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pg-" + region);
        config.setJdbcUrl(node.jdbcUrl());
        config.setUsername(PgNode.APP_USER);
        config.setPassword(credentials.appPassword());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        config.setInitializationFailTimeout(-1); // a pool over a database that is down still opens
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("socketTimeout", "30");
        config.addDataSourceProperty("ApplicationName", "firedrill-estate-" + region);
        return new HikariDataSource(config);
    }

    private void closePool() {
        HikariDataSource current = pool;
        pool = null;
        if (current != null) {
            current.close();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the store of " + region + " is closed");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresException("interrupted while waiting for replication", e);
        }
    }
}

package io.firedrill.estate.h2;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.firedrill.estate.region.Peer;
import io.firedrill.estate.region.RecordStore;
import io.firedrill.estate.region.ReplicationReceiver;
import io.firedrill.estate.region.ReplicationStatus;
import io.firedrill.estate.region.Role;
import io.firedrill.estate.region.StoredRecord;
import io.firedrill.estate.region.WriteResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A region's H2 database, with replication done by the apps: the primary keeps every committed write
 * in a change log ({@code changes}, numbered 1, 2, 3, ... in commit order) and its {@link Shipper} pushes
 * the log to the peer region's app through the replication link; the replica applies it in order and
 * idempotently, keeping the primary's numbers. A promoted replica therefore holds the whole log and can
 * ship it on, which is how a former primary is resynced after a failover.
 *
 * <p>The database is a file in the region's directory, also served by an H2 TCP server so SQL probes can
 * read it. H2 writes committed changes to the file in the background (about once a second): a crash of
 * the whole process may lose the last second, a fault on a link never does.
 */
public final class H2Store implements RecordStore, ReplicationReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(H2Store.class);
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS records (
              id VARCHAR(200) PRIMARY KEY, val VARCHAR(8192) NOT NULL, epoch BIGINT NOT NULL,
              seq BIGINT NOT NULL, committed_micros BIGINT NOT NULL);
            CREATE TABLE IF NOT EXISTS changes (
              seq BIGINT PRIMARY KEY, id VARCHAR(200) NOT NULL, val VARCHAR(8192) NOT NULL,
              epoch BIGINT NOT NULL, committed_micros BIGINT NOT NULL)""";

    private final String region;
    private final Server tcpServer;
    private final HikariDataSource pool;
    private final Shipper shipper;
    private final Object writeLock = new Object();
    /** Last committed (primary) or applied (replica) change; guarded by writeLock for updates. */
    private volatile long position;
    private volatile long lastAppliedCommitMicros;
    private volatile long sourcePosition = -1;
    private volatile Instant lastReceived;

    private H2Store(String region, Server tcpServer, HikariDataSource pool, Peer peer) {
        this.region = region;
        this.tcpServer = tcpServer;
        this.pool = pool;
        this.shipper = new Shipper(region, peer, this);
    }

    /**
     * Opens (creating) the database {@code orders} in {@code dir}, serves it on {@code tcpPort} of
     * 127.0.0.1, and starts shipping to {@code peer} when {@code primary}.
     */
    public static H2Store open(String region, Path dir, int tcpPort, Peer peer, boolean primary) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("orders") + ";DB_CLOSE_ON_EXIT=FALSE";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(8);
        config.setPoolName("estate-h2-" + region);
        HikariDataSource pool = new HikariDataSource(config);
        Server server;
        try {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                for (String ddl : SCHEMA.split(";")) {
                    s.execute(ddl);
                }
            }
            server = Server.createTcpServer("-tcpPort", Integer.toString(tcpPort), "-baseDir",
                    dir.toAbsolutePath().toString(), "-ifExists").start();
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("cannot open the H2 database of " + region + " in " + dir
                    + " with its TCP server on port " + tcpPort + ": " + e.getMessage(), e);
        }
        H2Store store = new H2Store(region, server, pool, peer);
        store.position = store.queryLong("SELECT COALESCE(MAX(seq), 0) FROM changes");
        store.lastAppliedCommitMicros = store.queryLong(
                "SELECT COALESCE(MAX(committed_micros), 0) FROM changes");
        if (primary) {
            store.shipper.start();
        }
        return store;
    }

    @Override
    public String engine() {
        return "h2";
    }

    /** The JDBC URL SQL probes use: through the TCP server. */
    public String jdbcUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + tcpServer.getPort() + "/orders";
    }

    @Override
    public WriteResult write(String id, String value, long epoch) {
        WriteResult result;
        synchronized (writeLock) {
            result = writeLocked(id, value, epoch);
        }
        if (result.outcome() == WriteResult.Outcome.CREATED) {
            shipper.wake();
        }
        return result;
    }

    private WriteResult writeLocked(String id, String value, long epoch) {
        try (Connection c = pool.getConnection()) {
            Optional<StoredRecord> existing = read(c, id);
            if (existing.isPresent()) {
                return new WriteResult(existing.get().value().equals(value)
                        ? WriteResult.Outcome.SAME : WriteResult.Outcome.CONFLICT, existing.get());
            }
            long seq = position + 1;
            long micros = nowMicros();
            c.setAutoCommit(false);
            try {
                insert(c, "INSERT INTO records (id, val, epoch, seq, committed_micros) VALUES (?, ?, ?, ?, ?)",
                        id, value, epoch, seq, micros);
                insert(c, "INSERT INTO changes (seq, id, val, epoch, committed_micros) VALUES (?, ?, ?, ?, ?)",
                        seq, id, value, epoch, micros);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            position = seq;
            return new WriteResult(WriteResult.Outcome.CREATED,
                    new StoredRecord(id, value, epoch, seq, instant(micros)));
        } catch (SQLException e) {
            throw new IllegalStateException("write of record '" + id + "' in " + region + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredRecord> read(String id) {
        try (Connection c = pool.getConnection()) {
            return read(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("read of record '" + id + "' in " + region + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static Optional<StoredRecord> read(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, val, epoch, seq, committed_micros FROM records WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<StoredRecord> page(String after, int limit) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, val, epoch, seq, committed_micros FROM records"
                        + " WHERE id > ? ORDER BY id LIMIT ?")) {
            s.setString(1, after);
            s.setInt(2, limit);
            List<StoredRecord> page = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    page.add(record(rs));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new IllegalStateException("listing records after '" + after + "' in " + region + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public ReplicationStatus replication(Role role) {
        long now = nowMicros();
        if (role == Role.REPLICA) {
            Instant received = lastReceived;
            long source = sourcePosition;
            Optional<Long> lag = source < 0 ? Optional.empty()
                    : Optional.of(position >= source || lastAppliedCommitMicros == 0 ? 0L
                            : (now - lastAppliedCommitMicros) / 1000);
            boolean streaming = received != null
                    && received.isAfter(Instant.now().minusMillis(Shipper.HEARTBEAT_MILLIS * 5));
            return new ReplicationStatus(position, "changes", source < 0 ? Optional.empty() : Optional.of(source),
                    lag, streaming, Optional.ofNullable(received), "");
        }
        Shipper.State s = shipper.state();
        Optional<Long> lag = s.confirmed().map(confirmed -> confirmed >= position ? 0L
                : Math.max(0, now - commitMicros(confirmed + 1)) / 1000);
        return new ReplicationStatus(position, "changes", s.confirmed(), lag, s.streaming(), s.lastContact(),
                s.detail());
    }

    @Override
    public boolean healthy() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void promote(long epoch) {
        shipper.start();
        LOG.info("{} promoted at epoch {}: position {}, shipping to the peer", region, epoch, position);
    }

    @Override
    public void resyncFrom(Peer source, long epoch) {
        shipper.stop();
        synchronized (writeLock) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("DELETE FROM records");
                s.execute("DELETE FROM changes");
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("resync of " + region + " could not clear its database: "
                        + e.getMessage(), e);
            }
            position = 0;
            lastAppliedCommitMicros = 0;
            sourcePosition = -1;
        }
        LOG.info("{} cleared for resync from {} at epoch {}: {} now ships its whole log here", region,
                source.region(), epoch, source.region());
    }

    @Override
    public Optional<ReplicationReceiver> receiver() {
        return Optional.of(this);
    }

    @Override
    public JsonObject apply(JsonObject batch) {
        JsonArray changes = batch.getJsonArray("changes", new JsonArray());
        synchronized (writeLock) {
            long applied = position;
            long appliedCommit = lastAppliedCommitMicros;
            if (!changes.isEmpty()) {
                try (Connection c = pool.getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement rec = c.prepareStatement(
                            "MERGE INTO records (id, val, epoch, seq, committed_micros) KEY (id) VALUES (?, ?, ?, ?, ?)");
                            PreparedStatement log = c.prepareStatement(
                                    "MERGE INTO changes (seq, id, val, epoch, committed_micros) KEY (seq) VALUES (?, ?, ?, ?, ?)")) {
                        for (int i = 0; i < changes.size(); i++) {
                            JsonObject change = changes.getJsonObject(i);
                            long seq = change.getLong("seq");
                            if (seq <= applied) {
                                continue; // shipped again after a lost reply: already here
                            }
                            if (seq != applied + 1) {
                                break; // a gap: the shipper resends from appliedSeq + 1
                            }
                            bind(rec, change.getString("id"), change.getString("value"), change.getLong("epoch"), seq,
                                    change.getLong("committedMicros"));
                            rec.addBatch();
                            bind(log, seq, change.getString("id"), change.getString("value"), change.getLong("epoch"),
                                    change.getLong("committedMicros"));
                            log.addBatch();
                            applied = seq;
                            appliedCommit = change.getLong("committedMicros");
                        }
                        rec.executeBatch();
                        log.executeBatch();
                        c.commit();
                    } catch (SQLException e) {
                        c.rollback();
                        throw e;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("applying shipped changes in " + region + " failed: "
                            + e.getMessage(), e);
                }
            }
            position = applied;
            lastAppliedCommitMicros = appliedCommit;
            sourcePosition = batch.getLong("sourcePosition", applied);
            lastReceived = Instant.now();
            return new JsonObject().put("appliedSeq", applied).put("region", region);
        }
    }

    /** Up to {@code limit} changes after {@code after}, for the shipper. */
    List<JsonObject> changesAfter(long after, int limit) throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT seq, id, val, epoch, committed_micros FROM changes"
                        + " WHERE seq > ? ORDER BY seq LIMIT ?")) {
            s.setLong(1, after);
            s.setInt(2, limit);
            List<JsonObject> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new JsonObject().put("seq", rs.getLong(1)).put("id", rs.getString(2))
                            .put("value", rs.getString(3)).put("epoch", rs.getLong(4))
                            .put("committedMicros", rs.getLong(5)));
                }
            }
            return out;
        }
    }

    long position() {
        return position;
    }

    @Override
    public void close() {
        shipper.stop();
        pool.close();
        tcpServer.stop();
    }

    private long commitMicros(long seq) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT committed_micros FROM changes WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : nowMicros();
            }
        } catch (SQLException e) {
            return nowMicros();
        }
    }

    private long queryLong(String sql) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("query on the H2 database of " + region + " failed: " + e.getMessage(), e);
        }
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
    }

    private static StoredRecord record(ResultSet rs) throws SQLException {
        return new StoredRecord(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), instant(rs.getLong(5)));
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000);
    }
}

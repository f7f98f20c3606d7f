package io.firedrill.estate.region;

import java.util.List;
import java.util.Optional;

/**
 * A region's database as the regional app uses it: the one thing that differs between the H2 and the
 * PostgreSQL variants. The app owns the role and epoch; the store owns data and replication.
 *
 * <p>Methods block (JDBC, processes): the app calls them off the event loop. Implementations are
 * thread-safe.
 */
public interface RecordStore extends AutoCloseable {

    /** {@code "h2"} or {@code "postgres"}. */
    String engine();

    /**
     * Stores a new record; only called while this region is PRIMARY. Must not acknowledge before the
     * write is committed locally. Replication is asynchronous: it may not have reached the peer yet.
     */
    WriteResult write(String id, String value, long epoch);

    Optional<StoredRecord> read(String id);

    /** Up to {@code limit} records with id greater than {@code after} (empty = from the start), by id. */
    List<StoredRecord> page(String after, int limit);

    /** This region's replication position and lag, as described in {@link ReplicationStatus}. */
    ReplicationStatus replication(Role role);

    /** Whether the database answers a trivial query now. */
    boolean healthy();

    /**
     * Makes this region's database writable and the source of replication for the peer, at {@code epoch}.
     * Returns once it accepts writes. Idempotent.
     */
    void promote(long epoch);

    /**
     * Makes this region a replica of {@code source}, discarding whatever it holds that the source does not
     * (H2: clear and re-copy; PostgreSQL: pg_rewind, or a fresh base backup when rewind fails). Returns when
     * replication from the source is running (not necessarily caught up).
     */
    void resyncFrom(Peer source, long epoch);

    /**
     * Where changes shipped by the peer's app arrive, for variants whose apps replicate themselves (H2).
     * Empty when the database replicates on its own (PostgreSQL).
     */
    default Optional<ReplicationReceiver> receiver() {
        return Optional.empty();
    }

    @Override
    void close();
}

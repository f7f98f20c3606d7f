package io.firedrill.estate.pg;

import io.firedrill.estate.region.ReplicationStatus;
import io.firedrill.estate.region.Role;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Reads one cluster's replication state into a {@link ReplicationStatus}, from the primary's side
 * ({@code pg_stat_replication}) or the standby's ({@code pg_stat_wal_receiver} and the replay functions).
 * Positions are WAL LSNs as numbers ({@link Lsn}), so the unit is bytes.
 *
 * <p>A primary forgets its standby the moment the link drops (its row leaves pg_stat_replication); the
 * probe remembers the last position the standby confirmed, so the lag in bytes keeps growing while the
 * link is cut instead of becoming unknown.
 */
final class ReplicationProbe {

    static final String UNIT = "bytes";

    private static final String PRIMARY_SQL = """
            SELECT pg_current_wal_lsn()::text AS position,
                   r.application_name, r.state, r.replay_lsn::text AS replay_lsn,
                   (extract(epoch FROM r.replay_lag) * 1000)::bigint AS replay_lag_ms,
                   r.reply_time
            FROM (SELECT 1) AS one
            LEFT JOIN LATERAL (
                SELECT * FROM pg_stat_replication
                ORDER BY state = 'streaming' DESC, replay_lsn DESC NULLS LAST
                LIMIT 1) AS r ON true""";

    private static final String REPLICA_SQL = """
            SELECT pg_last_wal_replay_lsn()::text AS replay_lsn,
                   pg_last_wal_receive_lsn()::text AS receive_lsn,
                   w.status, w.latest_end_lsn::text AS latest_end_lsn, w.last_msg_receipt_time,
                   w.sender_host, w.sender_port,
                   (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::bigint
                       AS replay_age_ms
            FROM (SELECT 1) AS one
            LEFT JOIN pg_stat_wal_receiver AS w ON true""";

    /** What the standby last confirmed to this primary. */
    private record Confirmed(long position, Optional<Instant> at) {}

    private volatile Confirmed lastConfirmed;
    private volatile long lastPosition;

    /**
     * The status read from the side the cluster behind {@code connection} is actually on (standby or
     * primary), whatever {@code role} says; a mismatch is mentioned in the detail.
     */
    ReplicationStatus read(Connection connection, Role role) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            boolean inRecovery;
            try (ResultSet rs = statement.executeQuery("SELECT pg_is_in_recovery()")) {
                rs.next();
                inRecovery = rs.getBoolean(1);
            }
            ReplicationStatus status = inRecovery ? replica(statement) : primary(statement);
            lastPosition = status.position();
            return (role == Role.REPLICA) == inRecovery ? status : withDetail(status, "role is " + role.wire()
                    + " but the database is " + (inRecovery ? "a standby" : "a primary") + "; " + status.detail());
        }
    }

    /** For when the database cannot be asked: the last known position, nothing else. */
    ReplicationStatus unavailable(String why) {
        return new ReplicationStatus(lastPosition, UNIT, Optional.empty(), Optional.empty(), false,
                Optional.empty(), "database unavailable: " + why);
    }

    /** Forgets the standby's last confirmation: after a promotion or resync it described another pairing. */
    void reset() {
        lastConfirmed = null;
    }

    private ReplicationStatus primary(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery(PRIMARY_SQL)) {
            rs.next();
            long position = Lsn.parse(rs.getString("position"));
            String state = rs.getString("state");
            if (state == null) {
                return withoutStandby(position);
            }
            Optional<Long> replayed = Lsn.parseNullable(rs.getString("replay_lsn"));
            long lagMs = rs.getLong("replay_lag_ms");
            boolean lagUnknown = rs.wasNull();
            Optional<Instant> replyTime = instant(rs, "reply_time");
            boolean streaming = "streaming".equals(state);
            replayed.ifPresent(p -> lastConfirmed = new Confirmed(p, replyTime));
            boolean caughtUp = replayed.map(p -> p >= position).orElse(false);
            // replay_lag turns NULL once an idle standby has caught up
            Optional<Long> lagMillis = caughtUp || (streaming && lagUnknown) ? Optional.of(0L)
                    : lagUnknown ? Optional.empty() : Optional.of(lagMs);
            return new ReplicationStatus(position, UNIT, replayed, lagMillis, streaming, replyTime,
                    "standby " + rs.getString("application_name") + " is " + state);
        }
    }

    private ReplicationStatus withoutStandby(long position) {
        Confirmed confirmed = lastConfirmed;
        if (confirmed == null) {
            return new ReplicationStatus(position, UNIT, Optional.empty(), Optional.empty(), false,
                    Optional.empty(), "no standby connected");
        }
        Optional<Long> lagMillis = confirmed.position() >= position ? Optional.of(0L) : Optional.empty();
        return new ReplicationStatus(position, UNIT, Optional.of(confirmed.position()), lagMillis, false,
                confirmed.at(), "no standby connected; it last confirmed " + Lsn.format(confirmed.position()));
    }

    private ReplicationStatus replica(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery(REPLICA_SQL)) {
            rs.next();
            long position = Lsn.parse(rs.getString("replay_lsn"));
            Optional<Long> received = Lsn.parseNullable(rs.getString("receive_lsn"));
            Optional<Long> primaryEnd = Lsn.parseNullable(rs.getString("latest_end_lsn"));
            Optional<Long> peerPosition = received.isEmpty() ? primaryEnd
                    : primaryEnd.map(end -> Math.max(end, received.get())).or(() -> received);
            String status = rs.getString("status");
            boolean streaming = "streaming".equals(status);
            long replayAgeMs = rs.getLong("replay_age_ms");
            Optional<Long> replayAge = rs.wasNull() ? Optional.empty() : Optional.of(Math.max(0, replayAgeMs));
            boolean caughtUp = streaming && peerPosition.map(p -> position >= p).orElse(false);
            Optional<Long> lagMillis = caughtUp ? Optional.of(0L) : replayAge;
            String detail = status == null ? "not connected to the primary"
                    : "WAL receiver " + status + " from " + rs.getString("sender_host") + ":"
                            + rs.getString("sender_port");
            return new ReplicationStatus(position, UNIT, peerPosition, lagMillis, streaming,
                    instant(rs, "last_msg_receipt_time"), detail);
        }
    }

    private static ReplicationStatus withDetail(ReplicationStatus status, String detail) {
        return new ReplicationStatus(status.position(), status.unit(), status.peerPosition(), status.lagMillis(),
                status.streaming(), status.lastContact(), detail);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}

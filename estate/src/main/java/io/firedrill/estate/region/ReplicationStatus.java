package io.firedrill.estate.region;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * Replication as one region sees it, for {@code GET /health}.
 *
 * @param position     this region's position: the last committed change on a primary, the last applied
 *                     one on a replica (H2: change sequence; PostgreSQL: WAL LSN as a number)
 * @param unit         what positions count: {@code "changes"} (H2) or {@code "bytes"} (PostgreSQL WAL)
 * @param peerPosition on a primary, the position the replica has confirmed; on a replica, the primary's
 *                     position as of the last contact; empty when unknown
 * @param lagMillis    on a primary, the age of the oldest change the replica has not confirmed (0 when
 *                     none); on a replica, how far its last applied commit is behind, 0 when caught up;
 *                     empty when it cannot be known (no contact yet)
 * @param streaming    whether the replication connection is currently up
 * @param lastContact  when this side last heard from the other side
 * @param detail       free text (e.g. the last replication error)
 */
public record ReplicationStatus(
        long position,
        String unit,
        Optional<Long> peerPosition,
        Optional<Long> lagMillis,
        boolean streaming,
        Optional<Instant> lastContact,
        String detail) {

    /** Lag in position units, when the peer position is known. */
    public Optional<Long> lag(Role role) {
        return peerPosition.map(p -> Math.max(0, role == Role.REPLICA ? p - position : position - p));
    }

    public JsonObject toJson(Role role) {
        JsonObject json = new JsonObject().put("position", position).put("unit", unit)
                .put("peerPosition", peerPosition.orElse(null))
                .put("lag", lag(role).orElse(null))
                .put("lagMillis", lagMillis.orElse(null))
                .put("streaming", streaming)
                .put("lastContact", lastContact.map(Instant::toString).orElse(null));
        if (!detail.isEmpty()) {
            json.put("detail", detail);
        }
        return json;
    }
}

package io.firedrill.estate.region;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One record as a region holds it.
 *
 * @param epoch     the epoch of the primary that accepted the write
 * @param position  the replication position of the write in the log of the region that accepted it
 *                  (H2: change sequence number; PostgreSQL: the commit's WAL LSN, or 0 when unknown)
 * @param writtenAt when the primary committed it
 */
public record StoredRecord(String id, String value, long epoch, long position, Instant writtenAt) {

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("value", value).put("epoch", epoch)
                .put("position", position).put("writtenAt", writtenAt.toString());
    }
}

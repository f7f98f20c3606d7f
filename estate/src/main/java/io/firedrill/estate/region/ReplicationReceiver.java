package io.firedrill.estate.region;

import io.vertx.core.json.JsonObject;

/**
 * The replica side of app-level replication: {@code POST /replication/apply} on a regional app hands
 * each shipped batch here. Blocking; called off the event loop, only while the region is a replica.
 */
public interface ReplicationReceiver {

    /**
     * Applies a batch {@code {source, epoch, sourcePosition, changes:[{seq,id,value,epoch,committedMicros}]}}
     * in order and idempotently; answers {@code {appliedSeq}}, the position the shipper continues after.
     */
    JsonObject apply(JsonObject batch);
}

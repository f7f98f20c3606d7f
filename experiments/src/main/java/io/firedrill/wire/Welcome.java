package io.firedrill.wire;

/**
 * Orchestrator &rarr; agent, the answer to {@link Hello}: the agent is registered and online.
 *
 * @param orchestratorVersion the orchestrator's software version
 * @param serverTimeMicros    the orchestrator's clock when it sent this (informative; offsets come from time sync)
 * @param region              the region the agent is registered for
 * @param missedHeartbeatsAllowed how many heartbeat intervals may pass in silence before the agent is marked offline
 * @param syncIntervalMillis  how often the orchestrator sends a {@link TimeSyncRequest} on this connection, so
 *                            the longest it should normally stay silent; the agent checks its silence limit against it
 */
public record Welcome(
        String orchestratorVersion,
        long serverTimeMicros,
        String region,
        int missedHeartbeatsAllowed,
        long syncIntervalMillis) implements Message {

    public Welcome {
        Fields.require(orchestratorVersion, "orchestratorVersion");
        Fields.require(region, "region");
        Fields.positive(missedHeartbeatsAllowed, "missedHeartbeatsAllowed");
        Fields.positive(syncIntervalMillis, "syncIntervalMillis");
    }
}

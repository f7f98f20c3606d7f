package io.firedrill.wire;

/**
 * Orchestrator &rarr; agent, the answer to {@link Hello}: the agent is registered and online.
 *
 * @param orchestratorVersion the orchestrator's software version
 * @param serverTimeMicros    the orchestrator's clock when it sent this (informative; offsets come from time sync)
 * @param region              the region the agent is registered for
 * @param missedHeartbeatsAllowed how many heartbeat intervals may pass in silence before the agent is marked offline
 */
public record Welcome(
        String orchestratorVersion,
        long serverTimeMicros,
        String region,
        int missedHeartbeatsAllowed) implements Message {

    public Welcome {
        Fields.require(orchestratorVersion, "orchestratorVersion");
        Fields.require(region, "region");
        Fields.positive(missedHeartbeatsAllowed, "missedHeartbeatsAllowed");
    }
}

package io.firedrill.orchestrator.store;

import java.time.Instant;
import java.util.List;

/**
 * The last known state of a region's agent, persisted on every status transition and periodically
 * while online (not on every heartbeat).
 *
 * @param region            the region the agent serves (one agent per region)
 * @param agentId           the agent's own instance id (changes when the process restarts)
 * @param version           the agent's software version
 * @param capabilities      what it can do (fault kinds, probe kinds)
 * @param status            online or offline
 * @param statusReason      why the status last changed ("connected", "connection closed", "3 heartbeats missed")
 * @param remoteAddress     where it connected from
 * @param connectedAt       when the current (or last) connection was accepted
 * @param lastHeartbeat     when the last heartbeat arrived, orchestrator clock
 * @param clockOffsetMicros agent clock minus orchestrator clock, microseconds; null until measured
 * @param clockErrorMicros  the error bound of that offset (half the round trip of the best sample); null until measured
 */
public record AgentRecord(
        String region,
        String agentId,
        String version,
        List<String> capabilities,
        AgentStatus status,
        String statusReason,
        String remoteAddress,
        Instant connectedAt,
        Instant lastHeartbeat,
        Long clockOffsetMicros,
        Long clockErrorMicros) {

    public AgentRecord {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }
}

package io.firedrill.wire;

import java.util.List;

/**
 * Agent &rarr; orchestrator, first frame after the WebSocket opens.
 *
 * @param region                  the region the agent serves; must match the region it authenticated for
 * @param agentId                 this agent process's id (a new one each time the process starts)
 * @param name                    an optional human-readable name; null when not set
 * @param version                 the agent's software version
 * @param capabilities            what it can do (fault and probe kinds); empty for now
 * @param heartbeatIntervalMillis how often it will send {@link Heartbeat}s; the orchestrator judges it by this
 */
public record Hello(
        String region,
        String agentId,
        String name,
        String version,
        List<String> capabilities,
        long heartbeatIntervalMillis) implements Message {

    public Hello {
        Fields.require(region, "region");
        Fields.require(agentId, "agentId");
        Fields.require(version, "version");
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        Fields.positive(heartbeatIntervalMillis, "heartbeatIntervalMillis");
    }
}

package io.firedrill.orchestrator.agents;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.firedrill.orchestrator.store.AgentRecord;
import io.firedrill.orchestrator.store.AgentStatus;
import java.time.Instant;
import java.util.List;

/**
 * What the API shows of a region's agent: the live state while connected, else the last known one.
 * Serialised as it stands, plus the clock figures in milliseconds with three decimals for people.
 *
 * @param heartbeatIntervalMillis the interval the agent declared; null for agents known only from the database
 * @param name                    the agent's optional human-readable name; not persisted
 * @see AgentRecord for the other fields
 */
public record AgentView(
        String region,
        String agentId,
        String name,
        String version,
        List<String> capabilities,
        AgentStatus status,
        String statusReason,
        String remoteAddress,
        Instant connectedAt,
        Instant lastHeartbeat,
        Long heartbeatIntervalMillis,
        Long clockOffsetMicros,
        Long clockErrorMicros) {

    public AgentView {
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }

    static AgentView of(AgentRecord r) {
        return new AgentView(r.region(), r.agentId(), null, r.version(), r.capabilities(), r.status(),
                r.statusReason(), r.remoteAddress(), r.connectedAt(), r.lastHeartbeat(), null,
                r.clockOffsetMicros(), r.clockErrorMicros());
    }

    AgentRecord toRecord() {
        return new AgentRecord(region, agentId, version, capabilities, status, statusReason, remoteAddress,
                connectedAt, lastHeartbeat, clockOffsetMicros, clockErrorMicros);
    }

    AgentView withStatus(AgentStatus newStatus, String reason) {
        return new AgentView(region, agentId, name, version, capabilities, newStatus, reason, remoteAddress,
                connectedAt, lastHeartbeat, heartbeatIntervalMillis, clockOffsetMicros, clockErrorMicros);
    }

    @JsonProperty("clockOffsetMs")
    public Double clockOffsetMs() {
        return millis(clockOffsetMicros);
    }

    @JsonProperty("clockErrorMs")
    public Double clockErrorMs() {
        return millis(clockErrorMicros);
    }

    private static Double millis(Long micros) {
        return micros == null ? null : micros / 1000.0;
    }
}

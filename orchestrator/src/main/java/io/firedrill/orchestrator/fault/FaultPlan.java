package io.firedrill.orchestrator.fault;

import io.firedrill.wire.HostAction;
import io.firedrill.wire.LinkAction;
import java.util.List;
import java.util.Map;

/**
 * A fault compiled against an estate: what each region's agent must do.
 *
 * @param byRegion the work of each agent, keyed by the region it serves, in a stable order
 */
public record FaultPlan(Map<String, AgentWork> byRegion) {
    public FaultPlan {
        byRegion = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byRegion));
    }

    /** One agent's part: link actions, and a host action (process-kill or command) or null. */
    public record AgentWork(List<LinkAction> links, HostAction host) {
        public AgentWork {
            links = List.copyOf(links);
        }
    }
}

package io.firedrill.wire;

import java.util.List;

/**
 * Agent &rarr; orchestrator, right after each welcome: the faults the agent holds now. An orchestrator that does not
 * know one of them (it restarted, or the agent came over from another orchestrator) reverts it: a fault nobody
 * watches must not wait for its lease to run out.
 */
public record FaultInventory(List<String> faultIds) implements Message {
    public FaultInventory {
        faultIds = faultIds == null ? List.of() : List.copyOf(faultIds);
    }
}

package io.firedrill.wire;

import java.util.List;

/**
 * Orchestrator &rarr; agent: extends the leases of the faults named, to {@code leaseMillis} from now. A
 * fault the agent no longer holds is answered with a {@code reverted} report so the orchestrator learns.
 */
public record LeaseRenew(List<String> faultIds, long leaseMillis) implements Message {
    public LeaseRenew {
        faultIds = faultIds == null ? List.of() : List.copyOf(faultIds);
        Fields.positive(leaseMillis, "leaseMillis");
    }
}

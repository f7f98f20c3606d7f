package io.firedrill.wire;

import java.util.List;

/**
 * Orchestrator &rarr; agent: apply a fault, compiled to the operations on this agent's links and host.
 * The agent answers with a {@link FaultReport} quoting {@code commandId}; a resent command (same id) is
 * answered again without being applied twice.
 *
 * @param commandId   unique per command; the idempotency key
 * @param faultId     the fault this belongs to; reverts and lease renewals name it
 * @param fault       the fault kind's wire name, for logs and reports
 * @param leaseMillis how long the agent keeps the fault without a {@link LeaseRenew}; then it reverts it
 * @param links       what to do to each link this agent's proxies carry; may be empty for host faults
 * @param host        a host fault (process-kill or command), or null
 */
public record FaultApply(
        String commandId, String faultId, String fault, long leaseMillis, List<LinkAction> links, HostAction host)
        implements Message {

    public FaultApply {
        Fields.require(commandId, "commandId");
        Fields.require(faultId, "faultId");
        Fields.require(fault, "fault");
        Fields.positive(leaseMillis, "leaseMillis");
        links = links == null ? List.of() : List.copyOf(links);
        if (links.isEmpty() && host == null) {
            throw new IllegalArgumentException("field 'links' is empty and 'host' is null: nothing to apply");
        }
    }
}

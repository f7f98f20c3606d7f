package io.firedrill.wire;

/**
 * Orchestrator &rarr; agent: revert a fault. Idempotent: reverting a fault the agent does not hold (never
 * applied, or already reverted) is answered with a {@code reverted} report.
 *
 * @param reason why, for the agent's log and the report (e.g. {@code duration elapsed}, {@code by hand})
 */
public record FaultRevert(String commandId, String faultId, String reason) implements Message {
    public FaultRevert {
        Fields.require(commandId, "commandId");
        Fields.require(faultId, "faultId");
        reason = reason == null ? "" : reason;
    }
}

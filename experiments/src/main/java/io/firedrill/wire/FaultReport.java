package io.firedrill.wire;

/**
 * Agent &rarr; orchestrator: what became of a fault, timed on the agent's clock.
 *
 * @param commandId       the command this answers, or null when the agent acted on its own (lease expiry)
 * @param state           {@code applied}, {@code reverted} or {@code failed}
 * @param agentTimeMicros when the fault took (or stopped taking) effect, on the agent's clock
 * @param detail          why it was reverted or failed, or what was done; never null
 */
public record FaultReport(String commandId, String faultId, String state, long agentTimeMicros, String detail)
        implements Message {
    public static final String APPLIED = "applied";
    public static final String REVERTED = "reverted";
    public static final String FAILED = "failed";

    public FaultReport {
        Fields.require(faultId, "faultId");
        if (!APPLIED.equals(state) && !REVERTED.equals(state) && !FAILED.equals(state)) {
            throw new IllegalArgumentException("field 'state' must be applied, reverted or failed, was " + state);
        }
        detail = detail == null ? "" : detail;
    }
}

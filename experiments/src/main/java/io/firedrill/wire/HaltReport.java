package io.firedrill.wire;

/**
 * Agent &rarr; orchestrator: a {@link Halt} was carried out. Each fault reverted was also reported on its own
 * ({@link FaultReport}); this says the agent is clean.
 *
 * @param reverted        how many held faults were reverted
 * @param linksCleaned    how many of the agent's links were swept of Firedrill toxics
 * @param agentTimeMicros when the last revert took effect, on the agent's clock
 * @param detail          what could not be undone, or empty when everything was
 */
public record HaltReport(String commandId, int reverted, int linksCleaned, long agentTimeMicros, String detail)
        implements Message {
    public HaltReport {
        Fields.require(commandId, "commandId");
        detail = detail == null ? "" : detail;
    }
}

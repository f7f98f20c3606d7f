package io.firedrill.wire;

/**
 * Agent &rarr; orchestrator: what became of a run's probes on this agent, timed on the agent's clock.
 *
 * @param commandId       the {@link ProbeStart} or {@link ProbeStop} this answers, or null when the agent acted on
 *                        its own (the run's maximum duration elapsed, the agent is stopping)
 * @param state           {@code started}, {@code stopped} or {@code failed}
 * @param agentTimeMicros when the probes started or stopped, on the agent's clock
 * @param detail          what was done or why it failed; never null
 */
public record ProbeReport(String commandId, String runId, String state, long agentTimeMicros, String detail)
        implements Message {
    public static final String STARTED = "started";
    public static final String STOPPED = "stopped";
    public static final String FAILED = "failed";

    public ProbeReport {
        Fields.require(runId, "runId");
        if (!STARTED.equals(state) && !STOPPED.equals(state) && !FAILED.equals(state)) {
            throw new IllegalArgumentException("field 'state' must be started, stopped or failed, was " + state);
        }
        detail = detail == null ? "" : detail;
    }
}

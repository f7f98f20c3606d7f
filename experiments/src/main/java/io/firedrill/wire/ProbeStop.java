package io.firedrill.wire;

/**
 * Orchestrator &rarr; agent: stop a run's probes. Idempotent: stopping a run the agent does not probe (never
 * started, already stopped) is answered with a {@code stopped} {@link ProbeReport} too. The agent sends the
 * run's last {@link ProbeResults} before that report, so after it no more samples of the run come.
 */
public record ProbeStop(String commandId, String runId) implements Message {
    public ProbeStop {
        Fields.require(commandId, "commandId");
        Fields.require(runId, "runId");
    }
}

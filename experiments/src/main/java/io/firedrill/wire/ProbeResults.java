package io.firedrill.wire;

import java.util.List;

/**
 * Agent &rarr; orchestrator: a batch of one run's probe samples, in the order they were taken per probe. Batches
 * of a run are numbered so that the orchestrator can tell a batch lost in transit ({@code seq} skips) from a
 * quiet agent; samples the agent had to drop itself (its buffer overflowed while it could not send) are counted
 * in the next batch.
 *
 * @param seq            1 for the run's first batch on this agent, then +1
 * @param droppedSamples samples the agent dropped since the previous batch, never sent
 * @param samples        the samples; may be empty when the batch only reports drops
 */
public record ProbeResults(String runId, long seq, long droppedSamples, List<Sample> samples) implements Message {

    public ProbeResults {
        Fields.require(runId, "runId");
        Fields.positive(seq, "seq");
        if (droppedSamples < 0) {
            throw new IllegalArgumentException("field 'droppedSamples' must be zero or more, was " + droppedSamples);
        }
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /**
     * One probe attempt.
     *
     * @param probe           the probe's name from its {@link ProbeSpec}
     * @param agentTimeMicros when the attempt started, on the agent's clock
     * @param ok              whether it met the probe's expectation within the timeout
     * @param latencyMicros   how long it took (the timeout when it timed out), from the agent's monotonic clock
     * @param detail          the status, or why it failed (such as {@code timeout after 500 ms}); never null
     */
    public record Sample(String probe, long agentTimeMicros, boolean ok, long latencyMicros, String detail) {
        public Sample {
            Fields.require(probe, "probe");
            if (latencyMicros < 0) {
                throw new IllegalArgumentException("field 'latencyMicros' of a sample of probe '" + probe
                        + "' must be zero or more, was " + latencyMicros);
            }
            detail = detail == null ? "" : detail;
        }
    }
}

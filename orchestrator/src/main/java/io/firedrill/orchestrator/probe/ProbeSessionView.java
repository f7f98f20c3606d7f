package io.firedrill.orchestrator.probe;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one run's probes, per region's agent.
 *
 * @param state the session as a whole: {@code starting}, {@code running}, {@code stopping}, {@code stopped} or
 *              {@code failed} (not started)
 */
public record ProbeSessionView(String runId, String state, long maxDurationMillis, List<Part> parts) {
    public ProbeSessionView {
        parts = List.copyOf(parts);
    }

    /**
     * One agent's part.
     *
     * @param state          {@code starting}, {@code started}, {@code stopped} or {@code failed}
     * @param detail         the agent's last word on it (why it stopped on its own, why it failed), or ours when it
     *                       did not answer
     * @param startedAt      when the agent started the probes, on the orchestrator's clock, or null
     * @param stoppedAt      when the agent stopped them, on the orchestrator's clock, or null
     * @param samples        samples received
     * @param droppedSamples samples the agent reported it had to drop (its buffer overflowed while disconnected)
     * @param missingBatches batches that never arrived (gaps in their numbering)
     */
    public record Part(String region, List<String> probes, String state, String detail, Instant startedAt,
            Instant stoppedAt, long samples, long droppedSamples, long missingBatches) {
        public Part {
            probes = List.copyOf(probes);
        }
    }
}

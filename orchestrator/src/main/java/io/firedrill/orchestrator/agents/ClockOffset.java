package io.firedrill.orchestrator.agents;

/**
 * An estimate of how far an agent's clock is from the orchestrator's.
 *
 * @param offsetMicros agent clock minus orchestrator clock; add it to an orchestrator time to get agent time,
 *                     subtract it from an agent time to map it onto the orchestrator's timeline
 * @param errorMicros  the true offset lies within {@code offsetMicros ± errorMicros}: half the round trip
 *                     (less the agent's turnaround) of the sample it came from
 * @param delayMicros  that round trip
 * @param samples      how many samples the estimate was chosen from
 */
public record ClockOffset(long offsetMicros, long errorMicros, long delayMicros, int samples) {

    /** An agent timestamp (µs) on the orchestrator's timeline. */
    public long toOrchestratorMicros(long agentMicros) {
        return agentMicros - offsetMicros;
    }
}

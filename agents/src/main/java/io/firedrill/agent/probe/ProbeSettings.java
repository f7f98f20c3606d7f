package io.firedrill.agent.probe;

import java.time.Duration;

/**
 * How the agent batches and buffers probe samples. Defaults in {@link #defaults()}; tests shorten them.
 *
 * @param flushInterval how often a run's samples go out (the orchestrator sees a failure at most this late)
 * @param batchSize     a batch goes out early when this many samples wait; it keeps frames well below the
 *                      WebSocket frame limit
 * @param bufferLimit   samples a run keeps while the control channel is down; beyond it the oldest are dropped
 *                      and counted
 * @param sqlThreads    worker threads for sql attempts (JDBC blocks); a stuck attempt holds one
 */
public record ProbeSettings(Duration flushInterval, int batchSize, int bufferLimit, int sqlThreads) {

    public ProbeSettings {
        if (flushInterval == null || flushInterval.toMillis() < 1) {
            throw new IllegalArgumentException("probe flush interval must be at least 1 ms, was " + flushInterval);
        }
        if (batchSize < 1 || bufferLimit < batchSize || sqlThreads < 1) {
            throw new IllegalArgumentException("probe batch size and sql threads must be at least 1 and the buffer "
                    + "limit at least the batch size; got " + batchSize + ", " + sqlThreads + ", " + bufferLimit);
        }
    }

    /** Every 200 ms or 100 samples; 10,000 samples kept per run while disconnected; 8 sql threads. */
    public static ProbeSettings defaults() {
        return new ProbeSettings(Duration.ofMillis(200), 100, 10_000, 8);
    }

    public ProbeSettings withBufferLimit(int limit) {
        return new ProbeSettings(flushInterval, batchSize, limit, sqlThreads);
    }
}

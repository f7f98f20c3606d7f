package io.firedrill.agent.control;

import java.time.Duration;
import java.util.Random;

/**
 * Reconnect delays: attempt n waits a random time in [base/2, base] with base = min &times; 2<sup>n</sup>
 * capped at max, and never less than min. The jitter keeps a fleet of agents from reconnecting in step
 * after an orchestrator restart. Not thread-safe: used from one event-loop context.
 */
public final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private final Random random;
    private int attempt;

    public Backoff(Duration min, Duration max, Random random) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The delay before the next attempt; each call counts one more failure. */
    public Duration next() {
        // Capping the exponent first keeps min * 2^n far from overflow.
        long base = Math.min(maxMillis, minMillis * (1L << Math.min(attempt, 30)));
        attempt++;
        long half = base / 2;
        long delay = half + (long) (random.nextDouble() * (base - half + 1));
        return Duration.ofMillis(Math.max(minMillis, Math.min(maxMillis, delay)));
    }

    /** After a successful connection the next failure starts again from min. */
    public void reset() {
        attempt = 0;
    }

    /** Failed attempts since the last reset. */
    public int attempts() {
        return attempt;
    }
}

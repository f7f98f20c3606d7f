package io.firedrill.orchestrator.agents;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Optional;

/**
 * NTP-style clock offset from four-timestamp exchanges (t1 orchestrator send, t2 agent receive, t3 agent
 * send, t4 orchestrator receive): offset = ((t2 &minus; t1) + (t3 &minus; t4)) / 2,
 * delay = (t4 &minus; t1) &minus; (t3 &minus; t2), error bound = delay / 2.
 *
 * <p>Whatever the split of the delay between the two directions, the true offset is within delay/2 of the
 * computed one; so the sample with the smallest delay among the most recent N gives the tightest bound
 * (queueing and GC pauses only ever add delay). Not thread-safe: the owning session synchronises.
 */
public final class OffsetEstimator {
    private final int window;
    private final Deque<ClockOffset> recent = new ArrayDeque<>();
    private long rejected;

    /** @param window how many recent samples to choose the best from */
    public OffsetEstimator(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        this.window = window;
    }

    /**
     * Adds one exchange. A sample whose delay comes out negative (the agent's clock stepped during the
     * exchange) says nothing trustworthy and is dropped; returns false then.
     */
    public boolean add(long t1, long t2, long t3, long t4) {
        long delay = (t4 - t1) - (t3 - t2);
        if (delay < 0 || t4 < t1 || t3 < t2) {
            rejected++;
            return false;
        }
        long offset = Math.floorDiv((t2 - t1) + (t3 - t4), 2);
        // The bound rounds up so that halving an odd delay never understates the uncertainty.
        recent.addLast(new ClockOffset(offset, (delay + 1) / 2, delay, 1));
        while (recent.size() > window) {
            recent.removeFirst();
        }
        return true;
    }

    /** The estimate from the best (smallest-delay) recent sample; empty until one valid sample arrived. */
    public Optional<ClockOffset> estimate() {
        return recent.stream()
                .min(Comparator.comparingLong(ClockOffset::delayMicros))
                .map(best -> new ClockOffset(best.offsetMicros(), best.errorMicros(), best.delayMicros(), recent.size()));
    }

    /** Samples dropped because their delay was negative. */
    public long rejected() {
        return rejected;
    }
}

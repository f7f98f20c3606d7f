package io.firedrill.agent.proxy;

import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;

/**
 * {@code latency}: each chunk leaves {@code latency} ms ± a uniform {@code jitter} ms after it arrived. Order is
 * kept, so a chunk whose jitter would overtake an earlier one waits for it; a jitter larger than the latency is
 * allowed and clamps at no delay. Chained latency toxics add up.
 */
final class LatencyToxic implements Toxic {
    @Override
    public void validate(ToxicSpec spec) {
        Checks.millis(spec, "latency");
        Checks.millis(spec, "jitter");
    }

    @Override
    public Stage stage(ToxicSpec spec, LinkContext link) {
        return new LatencyStage(spec, link);
    }

    private static final class LatencyStage extends QueuedStage {
        private long latencyNanos;
        private long jitterNanos;

        LatencyStage(ToxicSpec spec, LinkContext link) {
            super(link);
            update(spec);
        }

        @Override
        void update(ToxicSpec spec) {
            latencyNanos = TimeUnit.MILLISECONDS.toNanos(spec.attribute("latency"));
            jitterNanos = TimeUnit.MILLISECONDS.toNanos(spec.attribute("jitter"));
        }

        @Override
        public void data(Buffer chunk) {
            enqueue(chunk, link.now() + delay());
        }

        /** The close follows the last chunk at once; only data is delayed. */
        @Override
        public void end() {
            enqueue(END, lastDue());
        }

        private long delay() {
            if (jitterNanos == 0) {
                return latencyNanos;
            }
            long offset = link.random().nextLong(-jitterNanos, jitterNanos + 1);
            return Math.max(0, latencyNanos + offset);
        }
    }
}

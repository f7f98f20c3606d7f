package io.firedrill.agent.proxy;

import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;

/** {@code slow_close}: data passes untouched; the close reaches the destination {@code delay} ms late. */
final class SlowCloseToxic implements Toxic {
    @Override
    public void validate(ToxicSpec spec) {
        Checks.millis(spec, "delay");
    }

    @Override
    public Stage stage(ToxicSpec spec, LinkContext link) {
        return new SlowCloseStage(spec, link);
    }

    private static final class SlowCloseStage extends QueuedStage {
        private long delayNanos;

        SlowCloseStage(ToxicSpec spec, LinkContext link) {
            super(link);
            update(spec);
        }

        @Override
        void update(ToxicSpec spec) {
            delayNanos = TimeUnit.MILLISECONDS.toNanos(spec.attribute("delay"));
        }

        @Override
        public void data(Buffer chunk) {
            enqueue(chunk, link.now());
        }

        @Override
        public void end() {
            enqueue(END, link.now() + delayNanos);
        }
    }
}

package io.firedrill.agent.proxy;

import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;

/**
 * {@code timeout}: swallows all data; after {@code timeout} ms (counted from when the toxic took hold of the
 * link, restarted by an update) it closes the link; 0 means never. Removing the toxic closes the links it held,
 * as the reference does: a client that was kept waiting sees its connection end rather than resume.
 */
final class TimeoutToxic implements Toxic {
    @Override
    public void validate(ToxicSpec spec) {
        Checks.millis(spec, "timeout");
    }

    @Override
    public Stage stage(ToxicSpec spec, LinkContext link) {
        return new TimeoutStage(spec, link);
    }

    private static final class TimeoutStage extends Stage {
        private long timer = -1;
        private boolean closed;

        TimeoutStage(ToxicSpec spec, LinkContext link) {
            super(link);
            update(spec);
        }

        @Override
        void update(ToxicSpec spec) {
            stopTimer();
            long timeout = spec.attribute("timeout");
            if (timeout > 0 && !closed) {
                timer = link.schedule(TimeUnit.MILLISECONDS.toNanos(timeout), this::close);
            }
        }

        @Override
        public void data(Buffer chunk) {
            link.discarded(chunk.length());
        }

        @Override
        public void end() {
            close();
        }

        @Override
        void detach() {
            close();
        }

        @Override
        void dispose() {
            stopTimer();
            closed = true;
        }

        private void close() {
            stopTimer();
            if (!closed) {
                closed = true;
                next().end();
            }
        }

        private void stopTimer() {
            if (timer >= 0) {
                link.cancel(timer);
                timer = -1;
            }
        }
    }
}

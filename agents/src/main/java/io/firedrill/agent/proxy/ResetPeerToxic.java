package io.firedrill.agent.proxy;

import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;

/**
 * {@code reset_peer}: once anything arrives on the link (data or its end), waits {@code timeout} ms and then
 * closes both sockets of the connection with a TCP RST (SO_LINGER 0), so each peer reads ECONNRESET. Data
 * arriving meanwhile is dropped, since a graceful FIN must not get there first.
 *
 * <p>Only links whose toxicity roll succeeded get this stage, so unlike the reference no other connection is
 * ever reset by accident.
 */
final class ResetPeerToxic implements Toxic {
    @Override
    public void validate(ToxicSpec spec) {
        Checks.millis(spec, "timeout");
    }

    @Override
    public Stage stage(ToxicSpec spec, LinkContext link) {
        return new ResetStage(spec, link);
    }

    private static final class ResetStage extends Stage {
        private long timeoutNanos;
        private long timer = -1;
        private boolean armed;
        private boolean ended;

        ResetStage(ToxicSpec spec, LinkContext link) {
            super(link);
            update(spec);
        }

        @Override
        void update(ToxicSpec spec) {
            timeoutNanos = TimeUnit.MILLISECONDS.toNanos(spec.attribute("timeout"));
        }

        @Override
        public void data(Buffer chunk) {
            link.discarded(chunk.length());
            arm();
        }

        @Override
        public void end() {
            ended = true;
            arm();
        }

        private void arm() {
            if (armed) {
                return;
            }
            armed = true;
            if (timeoutNanos == 0) {
                link.resetConnection();
            } else {
                timer = link.schedule(timeoutNanos, () -> {
                    timer = -1;
                    link.resetConnection();
                });
            }
        }

        /** Removed before the reset fired: nothing was held, but a close that arrived must still go on. */
        @Override
        void detach() {
            dispose();
            if (ended) {
                next().end();
            }
        }

        @Override
        void dispose() {
            if (timer >= 0) {
                link.cancel(timer);
                timer = -1;
            }
        }
    }
}

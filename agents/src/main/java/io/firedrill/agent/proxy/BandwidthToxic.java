package io.firedrill.agent.proxy;

import io.vertx.core.buffer.Buffer;

/**
 * {@code bandwidth}: paces the link to {@code rate} KB/s (1 KB = 1000 bytes). Each chunk leaves once the time
 * its bytes take at that rate has passed after the previous one, as if the wire were busy sending it; chunks
 * bigger than 100 ms worth are cut so a low rate trickles instead of stalling and bursting. A rate change
 * applies to chunks arriving afterwards.
 *
 * <p>A rate of 0 is refused: the reference implementation hangs the link forever on it, and a stopped link is
 * what the {@code timeout} toxic is for.
 */
final class BandwidthToxic implements Toxic {
    private static final long NANOS_PER_KB_PER_SECOND = 1_000_000;

    @Override
    public void validate(ToxicSpec spec) {
        long rate = spec.attribute("rate");
        if (rate <= 0) {
            throw Checks.refuse(spec, "rate must be > 0 KB/s, got " + rate
                    + " (to stop data altogether use a timeout toxic)");
        }
        Checks.range(spec, "rate", Integer.MAX_VALUE, " KB/s");
    }

    @Override
    public Stage stage(ToxicSpec spec, LinkContext link) {
        return new BandwidthStage(spec, link);
    }

    private static final class BandwidthStage extends QueuedStage {
        private long rate;

        BandwidthStage(ToxicSpec spec, LinkContext link) {
            super(link);
            update(spec);
        }

        @Override
        void update(ToxicSpec spec) {
            rate = spec.attribute("rate");
        }

        @Override
        public void data(Buffer chunk) {
            int piece = (int) Math.min(Integer.MAX_VALUE, rate * 100);
            for (int from = 0; from < chunk.length(); from += piece) {
                Buffer part = piece >= chunk.length() ? chunk : chunk.slice(from, Math.min(chunk.length(), from + piece));
                long sendTime = part.length() * NANOS_PER_KB_PER_SECOND / rate;
                enqueue(part, Math.max(link.now(), lastDue()) + sendTime);
            }
        }

        @Override
        public void end() {
            enqueue(END, lastDue());
        }
    }
}

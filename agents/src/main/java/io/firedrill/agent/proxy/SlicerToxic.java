package io.firedrill.agent.proxy;

import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;

/**
 * {@code slicer}: cuts each chunk into pieces of {@code average_size} ± a uniform {@code size_variation} bytes
 * (at least one byte; the last piece takes what is left) and spaces consecutive pieces {@code delay} µs apart.
 * The bytes arrive intact and in order; only the segmentation changes.
 *
 * <p>An average size of 0 is refused (the reference recurses forever on it), and so is a variation larger than
 * the average, which would ask for pieces of negative size.
 */
final class SlicerToxic implements Toxic {
    @Override
    public void validate(ToxicSpec spec) {
        long average = spec.attribute("average_size");
        if (average <= 0) {
            throw Checks.refuse(spec, "average_size must be > 0 bytes, got " + average);
        }
        Checks.range(spec, "average_size", Integer.MAX_VALUE, " bytes");
        long variation = Checks.range(spec, "size_variation", Integer.MAX_VALUE, " bytes");
        if (variation > average) {
            throw Checks.refuse(spec, "size_variation must be <= average_size (" + average + " bytes), got "
                    + variation);
        }
        Checks.range(spec, "delay", TimeUnit.MILLISECONDS.toMicros(Checks.MAX_MILLIS), " µs");
    }

    @Override
    public Stage stage(ToxicSpec spec, LinkContext link) {
        return new SlicerStage(spec, link);
    }

    private static final class SlicerStage extends QueuedStage {
        private int average;
        private int variation;
        private long delayNanos;

        SlicerStage(ToxicSpec spec, LinkContext link) {
            super(link);
            update(spec);
        }

        @Override
        void update(ToxicSpec spec) {
            average = (int) spec.attribute("average_size");
            variation = (int) spec.attribute("size_variation");
            delayNanos = TimeUnit.MICROSECONDS.toNanos(spec.attribute("delay"));
        }

        @Override
        public void data(Buffer chunk) {
            int from = 0;
            while (from < chunk.length()) {
                int to = Math.min(chunk.length(), from + pieceSize());
                Buffer piece = from == 0 && to == chunk.length() ? chunk : chunk.slice(from, to);
                enqueue(piece, nextDue());
                from = to;
            }
        }

        @Override
        public void end() {
            enqueue(END, lastDue());
        }

        private long nextDue() {
            return Math.max(link.now(), lastDue() + delayNanos);
        }

        private int pieceSize() {
            if (variation == 0) {
                return average;
            }
            return Math.max(1, average + link.random().nextInt(-variation, variation + 1));
        }
    }
}

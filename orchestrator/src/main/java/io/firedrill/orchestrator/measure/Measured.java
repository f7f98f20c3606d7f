package io.firedrill.orchestrator.measure;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A measured duration and its error bound: the true value lies within {@code value ± bound}. Figures are never
 * reported without their bound, because a verdict depends on both.
 */
public record Measured(Duration value, Duration bound) {
    public Measured {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(bound, "bound");
        if (bound.isNegative()) {
            throw new IllegalArgumentException("a bound cannot be negative, got " + bound);
        }
    }

    /** A value known exactly, such as an RPO window of 0 when nothing was lost. */
    public static Measured exactly(Duration value) {
        return new Measured(value, Duration.ZERO);
    }

    public long valueMicros() {
        return value.toNanos() / 1_000;
    }

    public long boundMicros() {
        return bound.toNanos() / 1_000;
    }

    /** For people: {@code 2.050 s ± 0.101 s}. */
    public String text() {
        return seconds(value) + " ± " + seconds(bound);
    }

    /**
     * {@code d} in seconds as reports print it: millisecond digits, or microsecond digits for a duration under a
     * second that is not a whole number of milliseconds, so a bound of 300 µs never reads as 0.
     */
    public static String seconds(Duration d) {
        long nanos = d.toNanos();
        boolean fine = Math.abs(nanos) < 1_000_000_000L && nanos % 1_000_000 != 0;
        return String.format(Locale.ROOT, fine ? "%.6f s" : "%.3f s", nanos / 1e9);
    }
}

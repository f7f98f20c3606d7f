package io.firedrill.wire;

import java.time.Clock;
import java.time.Instant;

/** Wire times are microseconds since the Unix epoch; these convert from and to {@link Instant}. */
public final class Micros {
    private Micros() {}

    /** The clock's current time in microseconds (Linux clocks give microsecond precision to {@code Instant}). */
    public static long now(Clock clock) {
        return of(clock.instant());
    }

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}

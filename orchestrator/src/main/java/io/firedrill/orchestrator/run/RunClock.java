package io.firedrill.orchestrator.run;

import java.time.Instant;

/**
 * The one time base of a run: monotonic nanoseconds since the run began, with the UTC wall time of that
 * beginning, so every entry of every artefact can be given both and compared with the others.
 */
public final class RunClock {
    private final long startNanos;
    private final Instant startWall;

    public RunClock() {
        this.startWall = Instant.now();
        this.startNanos = System.nanoTime();
    }

    /** Nanoseconds since the run began. */
    public long now() {
        return System.nanoTime() - startNanos;
    }

    /** The run-relative time of a {@link System#nanoTime()} reading. */
    public long fromNanoTime(long nanoTime) {
        return nanoTime - startNanos;
    }

    /** The run-relative time of a wall-clock instant of this machine (for events stamped in UTC). */
    public long fromWall(Instant wall) {
        return (wall.getEpochSecond() - startWall.getEpochSecond()) * 1_000_000_000L
                + (wall.getNano() - startWall.getNano());
    }

    /** The UTC wall time of a run-relative time. */
    public Instant wall(long runNanos) {
        return startWall.plusNanos(runNanos);
    }

    public Instant startWall() {
        return startWall;
    }
}

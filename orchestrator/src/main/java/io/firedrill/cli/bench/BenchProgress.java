package io.firedrill.cli.bench;

import java.io.PrintWriter;

/**
 * Progress lines on stderr, each stamped with the seconds since the bench started, so a run of a minute
 * shows where it is and a stalled proxy is visible as a step that does not end.
 */
final class BenchProgress {
    private final PrintWriter err;
    private final long startNanos = System.nanoTime();

    BenchProgress(PrintWriter err) {
        this.err = err;
    }

    synchronized void step(String message) {
        err.printf("[%6.1fs] %s%n", (System.nanoTime() - startNanos) / 1e9, message);
        err.flush();
    }

    void step(String format, Object... args) {
        step(String.format(java.util.Locale.ROOT, format, args));
    }
}

package io.firedrill.cli;

import java.io.PrintWriter;

/** Periodic progress lines for long commands, each stamped with the seconds since the command started. */
final class Progress {
    private final PrintWriter out;
    private final long startNanos = System.nanoTime();

    Progress(PrintWriter out) {
        this.out = out;
    }

    void step(String message) {
        out.printf("[%6.1fs] %s%n", (System.nanoTime() - startNanos) / 1e9, message);
        out.flush();
    }
}

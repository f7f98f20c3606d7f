package io.firedrill.cli.bench;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a socket that is still in use after a deadline. A blocking write has no timeout in java.net, so a
 * proxy that stops reading would otherwise hang the bench; closing the socket makes the write fail.
 */
final class Watchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final AtomicBoolean fired = new AtomicBoolean();
    private final ScheduledFuture<?> task;

    private Watchdog(Socket socket, Duration deadline) {
        task = TIMER.schedule(() -> {
            fired.set(true);
            try {
                socket.close();
            } catch (IOException e) {
                // Already closed: the work it guarded has ended anyway.
            }
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    static Watchdog closeAfter(Socket socket, Duration deadline) {
        return new Watchdog(socket, deadline);
    }

    /** The error to report for {@code cause}: the stall, as {@code what} describes it, when this watchdog closed the socket. */
    IOException explain(IOException cause, Duration deadline, String what) {
        return fired.get() ? new IOException("stalled: " + what + " (closed after " + deadline.toSeconds() + " s)", cause)
                : cause;
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}

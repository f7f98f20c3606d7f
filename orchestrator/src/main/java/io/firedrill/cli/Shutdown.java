package io.firedrill.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** How long-running commands (server, agent, demo) wait for their stop signal and stop what they started. */
final class Shutdown {
    private Shutdown() {}

    /**
     * Blocks until SIGTERM or SIGINT (Ctrl-C), then stops the closeables in order so agents see a clean close, and
     * returns: an orderly stop ends the process with exit code 0, not the JVM's 143 or 130. Should the JVM end any
     * other way (SIGHUP, for one), a shutdown hook still stops them.
     */
    static void await(AutoCloseable... closeables) throws InterruptedException {
        CountDownLatch requested = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable stop = () -> {
            if (!stopping.compareAndSet(false, true)) {
                return;
            }
            for (AutoCloseable c : closeables) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("firedrill: error while stopping: " + e);
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "firedrill-shutdown"));
        onStopSignal("TERM", requested);
        onStopSignal("INT", requested);
        requested.await();
        stop.run();
    }

    /** Turns the signal into a stop request; where it cannot be caught (ignored, or -Xrs) the shutdown hook remains. */
    private static void onStopSignal(String name, CountDownLatch requested) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> requested.countDown());
        } catch (IllegalArgumentException unavailable) {
            // the JVM or the OS keeps this signal; it still ends the process through the shutdown hook
        }
    }
}

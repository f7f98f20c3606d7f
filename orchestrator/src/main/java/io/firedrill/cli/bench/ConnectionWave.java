package io.firedrill.cli.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Many connections open at once, each on its own thread: all connect, then all do their echo round trips,
 * then all stay open until {@code whileAllOpen} has run (the caller reads the proxy's memory there), then all
 * close. Every failure is counted, none stops the others.
 */
final class ConnectionWave {
    private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(60);
    private static final int ECHO_SIZE = 16;

    /**
     * How a wave went: failed connections, the first failure's message, the time from the first thread's start to
     * the last round trip, and every round trip's time. Each thread times its own round trips: with a thousand
     * runnable threads on two cores, timestamps taken by the coordinating thread would measure the scheduler.
     */
    record Outcome(int errors, String firstError, Duration wall, Histogram roundTrips) {}

    private final int connections;
    private final int roundTrips;
    private final CountDownLatch connected;
    private final CountDownLatch done;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicReference<String> firstError = new AtomicReference<>("");
    private final Histogram roundTripNanos = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(1), 3);

    private ConnectionWave(int connections, int roundTrips) {
        this.connections = connections;
        this.roundTrips = roundTrips;
        this.connected = new CountDownLatch(connections);
        this.done = new CountDownLatch(connections);
    }

    static Outcome run(InetSocketAddress target, int connections, int roundTrips, Runnable whileAllOpen)
            throws InterruptedException {
        return new ConnectionWave(connections, roundTrips).run(target, whileAllOpen);
    }

    private Outcome run(InetSocketAddress target, Runnable whileAllOpen) throws InterruptedException {
        List<Thread> threads = new ArrayList<>(connections);
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(null, () -> connection(target), "bench-wave-" + i, LoopbackServer.THREAD_STACK);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long allDone;
        try {
            await(connected, "connect");
            await(done, "round trips");
            allDone = System.nanoTime();
            whileAllOpen.run();
        } finally {
            release.countDown();
        }
        for (Thread t : threads) {
            t.join(PHASE_TIMEOUT.toMillis());
        }
        return new Outcome(errors.get(), firstError.get(), Duration.ofNanos(allDone - start), roundTripNanos);
    }

    private void connection(InetSocketAddress target) {
        Socket socket = null;
        boolean counted = false;
        try {
            socket = LoadClient.connect(target);
            connected.countDown();
            counted = true;
            await(connected, "connect");
            LoadClient.Echo echo = new LoadClient.Echo(socket, ECHO_SIZE);
            for (int i = 0; i < roundTrips; i++) {
                roundTripNanos.recordValue(echo.roundTrip());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            errors.incrementAndGet();
            firstError.compareAndSet("", String.valueOf(e.getMessage() != null ? e.getMessage() : e));
        } finally {
            if (!counted) {
                connected.countDown();
            }
            done.countDown();
            holdThenClose(socket);
        }
    }

    private void holdThenClose(Socket socket) {
        try {
            release.await(PHASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is the end of the wave; a failure here changes nothing measured.
            }
        }
    }

    private static void await(CountDownLatch latch, String phase) throws InterruptedException {
        if (!latch.await(PHASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(phase + " phase did not finish within " + PHASE_TIMEOUT.toSeconds() + " s");
        }
    }
}

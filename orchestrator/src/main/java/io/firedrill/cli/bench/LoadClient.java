package io.firedrill.cli.bench;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The load generator: plain blocking sockets, one connection per call, the same code for direct and proxied
 * targets so that the only difference between the two figures is the proxy.
 */
final class LoadClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Far above the slowest toxic the bench adds (1 s); a proxy that stalls longer fails the measurement. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    static final int CHUNK = 64 * 1024;
    /** Highest round trip a histogram records; anything slower has already hit {@link #READ_TIMEOUT}. */
    private static final long HISTOGRAM_MAX_NANOS = TimeUnit.MINUTES.toNanos(1);

    private LoadClient() {}

    /** Units (bytes or operations) done in a time. */
    record Throughput(long units, Duration elapsed) {
        double perSecond() {
            return units / (elapsed.toNanos() / 1e9);
        }
    }

    static Socket connect(InetSocketAddress target) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(target, (int) CONNECT_TIMEOUT.toMillis());
        s.setSoTimeout((int) READ_TIMEOUT.toMillis());
        return s;
    }

    /**
     * Writes 64 KiB chunks towards the sink ({@code target}: the sink itself or a proxy in front of it) for
     * {@code limit} or {@code maxBytes}, whichever comes first. The time runs until the sink has the last byte,
     * so data a proxy holds back counts against it.
     */
    static Throughput stream(Sink sink, InetSocketAddress target, Duration limit, long maxBytes)
            throws IOException, InterruptedException {
        byte[] chunk = new byte[CHUNK];
        // The sink's own timeout ends first, so a stall reads as "the sink received X of Y bytes".
        Duration deadline = limit.plus(READ_TIMEOUT).plus(READ_TIMEOUT);
        try (Sink.Session session = sink.open(); Socket s = connect(target);
             Watchdog w = Watchdog.closeAfter(s, deadline)) {
            long sent = 0;
            try {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeLong(session.id());
                long start = System.nanoTime();
                long end = start + limit.toNanos();
                while (sent < maxBytes && System.nanoTime() < end) {
                    int n = (int) Math.min(chunk.length, maxBytes - sent);
                    out.write(chunk, 0, n);
                    sent += n;
                }
                long arrived = session.awaitBytes(sent, READ_TIMEOUT);
                return new Throughput(sent, Duration.ofNanos(arrived - start));
            } catch (IOException e) {
                throw w.explain(e, deadline, "a write blocked after " + sent + " bytes; the sink had "
                        + session.received());
            }
        }
    }

    /** Sends {@code size}-byte requests and reads {@code size}-byte responses, one at a time, for {@code limit}. */
    static Throughput requestResponse(InetSocketAddress server, int size, Duration limit) throws IOException {
        byte[] request = new byte[size];
        byte[] response = new byte[size];
        Duration deadline = limit.plus(READ_TIMEOUT);
        try (Socket s = connect(server); Watchdog w = Watchdog.closeAfter(s, deadline)) {
            try {
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                long start = System.nanoTime();
                long end = start + limit.toNanos();
                long ops = 0;
                do {
                    out.write(request);
                    readFully(in, response);
                    ops++;
                } while (System.nanoTime() < end);
                return new Throughput(ops, Duration.ofNanos(System.nanoTime() - start));
            } catch (IOException e) {
                throw w.explain(e, deadline, "requests and responses stopped");
            }
        }
    }

    /** Round trips of {@code size} bytes on one connection: unrecorded for {@code warmUp}, then recorded for {@code limit}. */
    static Histogram echoFor(InetSocketAddress server, int size, Duration warmUp, Duration limit) throws IOException {
        Histogram h = new Histogram(HISTOGRAM_MAX_NANOS, 3);
        try (Socket s = connect(server)) {
            Echo echo = new Echo(s, size);
            for (long end = System.nanoTime() + warmUp.toNanos(); System.nanoTime() < end; ) {
                echo.roundTrip();
            }
            for (long end = System.nanoTime() + limit.toNanos(); System.nanoTime() < end; ) {
                h.recordValue(echo.roundTrip());
            }
        }
        return h;
    }

    /** {@code warmUps} unrecorded round trips, then {@code count} recorded ones, on one connection. */
    static Histogram echoCount(InetSocketAddress server, int size, int warmUps, int count) throws IOException {
        Histogram h = new Histogram(HISTOGRAM_MAX_NANOS, 3);
        try (Socket s = connect(server)) {
            Echo echo = new Echo(s, size);
            for (int i = 0; i < warmUps; i++) {
                echo.roundTrip();
            }
            for (int i = 0; i < count; i++) {
                h.recordValue(echo.roundTrip());
            }
        }
        return h;
    }

    /** One connection to an echo server, reused for many round trips. */
    static final class Echo {
        private final OutputStream out;
        private final InputStream in;
        private final byte[] message;
        private final byte[] answer;

        Echo(Socket socket, int size) throws IOException {
            out = socket.getOutputStream();
            in = socket.getInputStream();
            message = new byte[size];
            answer = new byte[size];
        }

        /** Sends the message, waits for all of it back, and returns the nanoseconds that took. */
        long roundTrip() throws IOException {
            long start = System.nanoTime();
            out.write(message);
            readFully(in, answer);
            return System.nanoTime() - start;
        }
    }

    private static void readFully(InputStream in, byte[] into) throws IOException {
        if (in.readNBytes(into, 0, into.length) != into.length) {
            throw new EOFException("connection closed after a partial answer");
        }
    }
}

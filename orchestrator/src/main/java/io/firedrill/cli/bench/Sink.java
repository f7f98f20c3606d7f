package io.firedrill.cli.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counting end of one-way transfers. A client opens a {@link Session}, sends its id as the first 8 bytes,
 * then its data, and asks the session when the last byte arrived. The sink runs in the bench process, so the
 * answer comes straight from memory instead of over the connection: a proxy closes both directions when the
 * client closes one (as Toxiproxy does), so a reply after the data could not be relied on.
 */
final class Sink {
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    Session open() {
        Session s = new Session(ids.incrementAndGet());
        sessions.put(s.id(), s);
        return s;
    }

    /** Reads the session id, then counts everything after it into that session until the client goes away. */
    LoopbackServer.Handler handler() {
        return (in, out) -> {
            Session session = sessions.get(new DataInputStream(in).readLong());
            if (session == null) {
                return;
            }
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                session.add(n);
            }
        };
    }

    /** What one client's connection has delivered to the sink so far. */
    final class Session implements AutoCloseable {
        private final long id;
        private long received;
        private long lastByteNanos;

        private Session(long id) {
            this.id = id;
        }

        long id() {
            return id;
        }

        synchronized long received() {
            return received;
        }

        private synchronized void add(int n) {
            received += n;
            lastByteNanos = System.nanoTime();
            notifyAll();
        }

        /** Waits until {@code bytes} have arrived and returns when the last of them did ({@link System#nanoTime}). */
        synchronized long awaitBytes(long bytes, Duration timeout) throws IOException, InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (received < bytes) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("the sink received " + received + " of " + bytes + " bytes within "
                            + timeout.toSeconds() + " s");
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return lastByteNanos;
        }

        @Override
        public void close() {
            sessions.remove(id);
        }
    }
}

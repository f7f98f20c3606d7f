package io.firedrill.agent.proxy;

import java.util.random.RandomGenerator;

/**
 * What a toxic stage may ask of the link it runs on. Every call happens on the connection's event loop, and
 * timer tasks run there too, so stages keep plain fields without locks.
 */
interface LinkContext {
    /** Runs {@code task} on the link's event loop after {@code delayNanos}, rounded up to whole milliseconds. */
    long schedule(long delayNanos, Runnable task);

    void cancel(long timerId);

    /** {@link System#nanoTime()}, the clock every stage measures delays against. */
    long now();

    /** This link's own generator (seeded from the proxy's), for jitter and slice sizes. */
    RandomGenerator random();

    /** A stage dropped {@code bytes} it had accepted; they no longer count as buffered. */
    void discarded(int bytes);

    /** Closes both sockets of the connection with a TCP RST, so each peer reads ECONNRESET. */
    void resetConnection();
}

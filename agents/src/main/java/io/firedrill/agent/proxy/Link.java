package io.firedrill.agent.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * One direction of a connection: bytes read from {@code source} go through the chain of toxic stages and are
 * written to {@code dest}. Everything here runs on the connection's event loop.
 *
 * <p>Without an active stage the link is a plain pipe: the buffer Netty read is written to the other socket as
 * is (no copy, no timer), and the source pauses while the destination's write queue is full. With stages, each
 * chunk is copied once onto the heap, counted as buffered until it reaches {@code dest} (or a stage drops it),
 * and the source pauses while more than {@link #HIGH_WATER} bytes are buffered, resuming below
 * {@link #LOW_WATER}; a latency toxic in front of a fast sender thus holds at most about that much.
 */
final class Link implements Output, LinkContext {
    static final int HIGH_WATER = 256 * 1024;
    static final int LOW_WATER = 64 * 1024;

    private final Connection connection;
    private final ContextInternal context;
    private final Chain chain;
    private final RandomGenerator random;
    private final LongAdder received;
    private final LongAdder sent;
    private final LongAdder toxicWrites;
    private NetSocketInternal source;
    private NetSocketInternal dest;
    private volatile long buffered;
    private boolean paused;
    private boolean resumeQueued;
    private boolean sourceClosed;
    private boolean ended;
    private boolean destClosed;
    private boolean disposed;

    /**
     * @param roller the proxy's generator, shared across event loops, used only for toxicity rolls
     * @param random this link's own generator for what its stages draw per chunk
     */
    Link(Direction direction, Connection connection, ContextInternal context, RandomGenerator roller,
            RandomGenerator random, Traffic traffic, List<ToxicSpec> toxics) {
        this.connection = connection;
        this.context = context;
        this.chain = new Chain(toxics, roller);
        this.random = random;
        this.received = traffic.received(direction);
        this.sent = traffic.sent(direction);
        this.toxicWrites = traffic.toxicWrites(direction);
    }

    /** Rolls every toxic, then forwards {@code early} (read before the upstream answered) and resumes the source. */
    void start(NetSocketInternal source, NetSocketInternal dest, List<Object> early) {
        this.source = source;
        this.dest = dest;
        chain.start(this, this);
        dest.drainHandler(v -> maybeResume(true));
        early.forEach(this::onMessage);
        source.messageHandler(this::onMessage);
        if (!paused) {
            source.resume();
        }
    }

    long buffered() {
        return buffered;
    }

    void add(ToxicSpec spec) {
        if (!disposed) {
            chain.add(spec);
        }
    }

    void update(ToxicSpec spec, boolean toxicityChanged) {
        if (!disposed) {
            chain.update(spec, toxicityChanged);
            maybeResume(false);
        }
    }

    void remove(String name) {
        if (!disposed && chain.remove(name)) {
            maybeResume(false);
        }
    }

    private void onMessage(Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        int n = buf.readableBytes();
        received.add(n);
        Stage head = chain.head();
        if (head == null) {
            if (ended || destClosed) {
                buf.release();
                return;
            }
            sent.add(n);
            dest.writeMessage(buf);
            if (dest.writeQueueFull()) {
                pause();
            }
            return;
        }
        Buffer chunk = BufferInternal.safeBuffer(buf);
        buffered += n;
        head.data(chunk);
        if (buffered > HIGH_WATER) {
            pause();
        }
    }

    /** The tail of the chain: a chunk that made it through every stage. */
    @Override
    public void data(Buffer chunk) {
        int n = chunk.length();
        buffered -= n;
        if (ended || destClosed || disposed) {
            maybeResume(false);
            return;
        }
        sent.add(n);
        toxicWrites.increment();
        dest.write(chunk);
        if (dest.writeQueueFull()) {
            pause();
        } else {
            maybeResume(false);
        }
    }

    /** The tail of the chain: the stream is over, so the destination closes once its queued writes are out. */
    @Override
    public void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (!destClosed && dest != null) {
            dest.close();
        }
    }

    /** The source socket closed: the end travels through the chain behind the data before it. */
    void sourceClosed() {
        if (source == null || disposed) {
            return;
        }
        sourceClosed = true;
        releasePending();
        Stage head = chain.head();
        if (head == null) {
            end();
        } else {
            head.end();
        }
    }

    /** The destination socket closed: whatever still arrives is dropped. */
    void destClosed() {
        destClosed = true;
        maybeResume(false);
    }

    void dispose() {
        disposed = true;
        chain.dispose();
        buffered = 0;
        if (source != null) {
            releasePending();
        }
    }

    /**
     * Vert.x keeps what a paused socket had already read until it is resumed, also once the socket closed;
     * resuming hands those buffers to {@link #onMessage} at once (the source can no longer pause), which
     * forwards them ahead of the end of the stream, or releases them to Netty's pool.
     */
    private void releasePending() {
        if (paused) {
            paused = false;
            source.resume();
        }
    }

    /** Stops reading from the source; a closed source only has Vert.x's last few buffers left, all taken at once. */
    private void pause() {
        if (!paused && !sourceClosed) {
            paused = true;
            source.pause();
        }
    }

    /**
     * Resumes the source once buffers have room. From inside a stage's output the resume is deferred to a task
     * of its own, so that chunks the source delivers on resume never re-enter a stage that is still emitting.
     */
    private void maybeResume(boolean now) {
        if (!paused || resumeQueued || !hasRoom()) {
            return;
        }
        if (now) {
            paused = false;
            source.resume();
            return;
        }
        resumeQueued = true;
        context.runOnContext(v -> {
            resumeQueued = false;
            if (paused && !disposed && hasRoom()) {
                paused = false;
                source.resume();
            }
        });
    }

    private boolean hasRoom() {
        return buffered <= LOW_WATER && (destClosed || ended || !dest.writeQueueFull());
    }

    @Override
    public long schedule(long delayNanos, Runnable task) {
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos + 999_999));
        return context.setTimer(millis, id -> {
            if (!disposed) {
                task.run();
            }
        });
    }

    @Override
    public void cancel(long timerId) {
        context.owner().cancelTimer(timerId);
    }

    @Override
    public long now() {
        return System.nanoTime();
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public void discarded(int bytes) {
        buffered -= bytes;
        maybeResume(false);
    }

    @Override
    public void resetConnection() {
        connection.reset();
    }
}

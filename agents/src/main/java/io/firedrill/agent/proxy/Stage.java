package io.firedrill.agent.proxy;

import io.vertx.core.buffer.Buffer;

/**
 * One toxic at work on one link: receives chunks in order from the stage before it (or the source socket) and
 * hands them on to {@link #next()}. The link rewires {@code next} when toxics are added or removed, so a stage
 * must always read it afresh rather than keep its own copy.
 *
 * <p>Capabilities beyond passing data are opt-in overrides: {@link #update} for attribute changes on open
 * links, {@link #detach} for what removal means (hand on what is held, or close the link), {@link #dispose}
 * for timers to stop when the connection is gone.
 */
abstract class Stage implements Output {
    /** Marks the end of the stream inside a stage's queue; compared by identity. */
    static final Buffer END = Buffer.buffer(new byte[0]);

    protected final LinkContext link;
    private Output next;

    protected Stage(LinkContext link) {
        this.link = link;
    }

    final void next(Output next) {
        this.next = next;
    }

    protected final Output next() {
        return next;
    }

    /** Hands on a chunk, or the end of the stream when {@code item} is {@link #END}. */
    protected final void emit(Buffer item) {
        if (item == END) {
            next.end();
        } else {
            next.data(item);
        }
    }

    @Override
    public void end() {
        next.end();
    }

    /** New attributes for this toxic; they apply to data arriving from now on. */
    void update(ToxicSpec spec) {
    }

    /** The toxic is being removed from an open link: hand on everything held, in order, and stop timers. */
    void detach() {
    }

    /** The connection is gone: drop whatever is held and stop timers. */
    void dispose() {
    }
}

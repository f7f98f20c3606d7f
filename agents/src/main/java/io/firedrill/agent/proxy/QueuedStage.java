package io.firedrill.agent.proxy;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;

/**
 * A stage that holds chunks until a due time and releases them strictly in arrival order. Subclasses decide
 * the due time of each item; this class keeps the queue and one timer for the item at its head.
 *
 * <p>Items due within {@link #SLACK_NANOS} are released at once: the event loop's timers tick in whole
 * milliseconds, so waiting for a few microseconds would cost a full millisecond each time. Sub-millisecond
 * delays therefore add up and are paid in batches, which keeps their average rate right.
 */
abstract class QueuedStage extends Stage {
    private static final long SLACK_NANOS = 50_000;

    private record Held(Buffer item, long due) {
    }

    private final ArrayDeque<Held> queue = new ArrayDeque<>();
    private long timer = -1;
    private long lastDue;

    protected QueuedStage(LinkContext link) {
        super(link);
        lastDue = link.now();
    }

    /** The due time of the item queued last (the stage's creation time before any). */
    protected final long lastDue() {
        return lastDue;
    }

    /** Queues {@code item} to go at {@code due} (never before the items queued ahead of it). */
    protected final void enqueue(Buffer item, long due) {
        long at = Math.max(due, lastDue);
        lastDue = at;
        if (queue.isEmpty() && at - link.now() <= SLACK_NANOS) {
            emit(item);
            return;
        }
        queue.add(new Held(item, at));
        if (timer < 0) {
            arm();
        }
    }

    private void arm() {
        Held head = queue.peek();
        if (head != null) {
            timer = link.schedule(head.due() - link.now(), this::release);
        }
    }

    private void release() {
        timer = -1;
        long now = link.now();
        Held head;
        while ((head = queue.peek()) != null && head.due() - now <= SLACK_NANOS) {
            queue.poll();
            emit(head.item());
        }
        if (timer < 0) {
            arm();
        }
    }

    @Override
    void detach() {
        stopTimer();
        Held held;
        while ((held = queue.poll()) != null) {
            emit(held.item());
        }
    }

    @Override
    void dispose() {
        stopTimer();
        queue.clear();
    }

    private void stopTimer() {
        if (timer >= 0) {
            link.cancel(timer);
            timer = -1;
        }
    }
}
